import { type ReviewFilter, ReviewFilter as ReviewFilterSchema } from '@saa/contract/attempts';
import { useEffect } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ErrorState, PageSkeleton } from '../../components/query-state.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { plural } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useReview } from './api/get-review.ts';
import { ReviewItem } from './review-item.tsx';
import './review.css';
import { PractiseFromAttempt } from '../../components/practise-from-attempt.tsx';
import { useAttempt } from '../../lib/api/get-attempt.ts';

const FILTERS: { value: ReviewFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'wrong', label: 'Wrong' },
  { value: 'unanswered', label: 'Unanswered' },
  { value: 'missed', label: 'Missed' },
  { value: 'flagged', label: 'Flagged' },
];

const EMPTY: Record<ReviewFilter, string> = {
  all: 'This attempt has no questions.',
  wrong: 'No wrong answers here. Well done!',
  flagged: 'You flagged no questions in this attempt.',
  unanswered: 'You answered every question.',
  missed: 'Nothing missed: every question was answered correctly.',
};

export function ReviewPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const parsed = ReviewFilterSchema.safeParse(params.get('filter') ?? 'all');
  const filter: ReviewFilter = parsed.success ? parsed.data : 'all';
  usePageTitle('Review');
  const review = useReview(id, filter);
  const attempt = useAttempt(id);
  const { hash } = useLocation();

  // Links from the results page point at one question (#question-12): scroll there once loaded.
  useEffect(() => {
    if (!hash || !review.data) return;
    const target = document.getElementById(hash.slice(1));
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1');
      target.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    }
  }, [hash, review.data]);

  return (
    <div className="review">
      <div className="page-header">
        <div>
          <h1>Review</h1>
          <p className="muted">
            <Link to={`/attempts/${id}/results`}>Back to the results</Link>
          </p>
        </div>
        {attempt.data?.result && <PractiseFromAttempt attempt={attempt.data} />}
      </div>
      <nav aria-label="Filter questions" className="segmented">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            to={f.value === 'all' ? `/attempts/${id}/review` : `/attempts/${id}/review?filter=${f.value}`}
            aria-current={filter === f.value ? 'page' : undefined}
            replace
          >
            {f.label}
            {review.data && <span className="filter-count"> ({review.data.counts[f.value]})</span>}
          </Link>
        ))}
      </nav>
      {review.isPending ? (
        <PageSkeleton label="Loading the review…" cards={2} />
      ) : review.isError ? (
        review.error instanceof ApiError && review.error.status === 409 ? (
          <section className="card">
            <h2>This attempt is still running</h2>
            <p>The review opens once the attempt is submitted.</p>
            <Link to={`/attempts/${id}`} className="button">
              Resume the attempt
            </Link>
          </section>
        ) : (
          <ErrorState
            title="The review could not be loaded"
            error={review.error}
            onRetry={() => void review.refetch()}
          />
        )
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {review.data.items.length === 0
              ? EMPTY[filter]
              : review.data.total > review.data.items.length
                ? `Showing ${review.data.items.length} of ${plural(review.data.total, 'question')}.`
                : `Showing ${plural(review.data.items.length, 'question')}.`}
          </p>
          <div className="review-list">
            {review.data.items.map((item) => (
              <ReviewItem key={item.position} item={item} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
