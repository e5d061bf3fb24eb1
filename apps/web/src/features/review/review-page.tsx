import type { ReviewFilter, ReviewItem as ReviewItemData, ReviewResponse } from '@saa/contract/attempts';
import { memo, startTransition, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ErrorState, PageSkeleton } from '../../components/query-state.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { env } from '../../lib/env.ts';
import { plural } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useProgressiveCount } from '../../lib/use-progressive-count.ts';
import { reviewFilterOf, useReview } from './api/get-review.ts';
import { ReviewItem } from './review-item.tsx';
import { VERDICT_LABEL, VERDICT_SYMBOL, verdictOf } from './verdict.ts';
import './review.css';
import { PractiseFromAttempt } from '../../components/practise-from-attempt.tsx';
import { useAttempt } from '../../lib/api/get-attempt.ts';

/** `onlyWhenUsed`: shown when it holds questions (or is open), so the bar stays short on a phone. */
const FILTERS: { value: ReviewFilter; label: string; onlyWhenUsed?: boolean }[] = [
  { value: 'all', label: 'All' },
  { value: 'wrong', label: 'Wrong' },
  { value: 'unanswered', label: 'Unanswered' },
  { value: 'missed', label: 'Missed' },
  { value: 'flagged', label: 'Flagged' },
  { value: 'sure-wrong', label: 'Sure but wrong', onlyWhenUsed: true },
  { value: 'guessed', label: 'Guessed right', onlyWhenUsed: true },
];

const EMPTY: Record<ReviewFilter, string> = {
  all: 'This attempt has no questions.',
  wrong: 'No wrong answers here. Well done!',
  flagged: 'You flagged no questions in this attempt.',
  unanswered: 'You answered every question.',
  missed: 'Nothing missed: every question was answered correctly.',
  'sure-wrong': 'No answer you were sure of was wrong.',
  guessed: 'No right answer was marked as a guess.',
};

const PAGE_SIZE = 20;
const NONE: ReviewResponse['items'] = [];
/** Cards drawn with the page itself; the rest a few at a time as the reader nears them (useProgressiveCount). */
const FIRST_CARDS = 3;
const CARDS_PER_STEP = 3;

export function ReviewPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = reviewFilterOf(params.get('filter'));
  usePageTitle('Review');
  const review = useReview(id, filter);
  const attempt = useAttempt(id);
  const { hash } = useLocation();
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const printing = usePrinting();
  const [focusTarget, setFocusTarget] = useState<number | null>(null);

  // The filter bar and the practise buttons depend on both answers: drawn together once both are
  // in, so that nothing already on screen moves when the second one lands (layout shift).
  // An answer arriving after the page is up would render at once, in one task (a query's update is
  // synchronous); deferred, the cards render in slices that leave a slow phone free in between.
  const reviewData = useDeferredValue(review.data);
  const attemptData = useDeferredValue(attempt.data);
  const firstLoad =
    review.isPending ||
    attempt.isPending ||
    (review.data !== undefined && reviewData === undefined) ||
    (attempt.data !== undefined && attemptData === undefined);
  const items = reviewData?.items ?? NONE;
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const requested = Number(params.get('page') ?? '1');
  const hashPosition = /^#question-(\d+)$/.exec(hash)?.[1];
  const hashIndex = hashPosition ? items.findIndex((i) => i.position === Number(hashPosition)) : -1;
  // A link to one question (#question-47) opens the page that holds it.
  const page =
    hashIndex >= 0
      ? Math.floor(hashIndex / PAGE_SIZE) + 1
      : Number.isInteger(requested) && requested >= 1 && requested <= pages
        ? requested
        : 1;
  const shown = useMemo(
    () => (printing ? items : items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)),
    [items, page, printing],
  );
  // The first cards render with the page (the jump grid above them too: drawn later it would push
  // them down), the others as the reader scrolls towards them, so that a phone does not build a
  // page of twenty cards to show one. A question jumped to is drawn at once, with those before it.
  // Printing needs every card at once (it renders with flushSync).
  const jumpedTo = Math.max(
    shown.findIndex((i) => i.position === focusTarget),
    shown.findIndex((i) => i.position === Number(hashPosition)),
  );
  const progressive = useProgressiveCount(shown, FIRST_CARDS, CARDS_PER_STEP, jumpedTo + 1);
  const listed = printing ? shown : shown.slice(0, progressive.count);

  const goTo = useCallback(
    (next: number, focusPosition?: number) => {
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          if (next === 1) copy.delete('page');
          else copy.set('page', String(next));
          return copy;
        },
        { replace: true },
      );
      // The #question-N of a link has done its job; from now on the page number decides.
      if (window.location.hash)
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
      setFocusTarget(focusPosition ?? items[(next - 1) * PAGE_SIZE]?.position ?? null);
    },
    [items, setParams],
  );
  const jump = useCallback(
    (index: number, position: number) => goTo(Math.floor(index / PAGE_SIZE) + 1, position),
    [goTo],
  );

  // After the page has rendered, move to the question asked for (or the first of the page).
  useEffect(() => {
    if (focusTarget === null) return;
    const target = document.getElementById(`rq-${focusTarget}`);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
    setFocusTarget(null);
  });

  // Once per link: the cards keep arriving after it has been reached.
  const reachedHash = useRef<string | null>(null);
  useEffect(() => {
    // Runs again as more cards are drawn, until the one linked to is there.
    if (!hashPosition || reachedHash.current === hashPosition || listed.length === 0) return;
    const target = document.getElementById(`rq-${hashPosition}`);
    if (!target) return;
    reachedHash.current = hashPosition;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [hashPosition, listed]);

  // Stable, so that a card drawn earlier is not rendered again when the next ones arrive (memo).
  const toggle = useCallback(
    (position: number) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (next.has(position)) next.delete(position);
        else next.add(position);
        return next;
      }),
    [],
  );

  return (
    <div className="review">
      <div className="page-header">
        <div>
          <h1>Review</h1>
          <p className="muted no-print">
            <Link to={`/attempts/${id}/results`}>Back to the results</Link>
            {' · '}
            <a href={`${env.VITE_API_BASE_URL}/api/attempts/${id}/results.csv`} download>
              Download results (CSV)
            </a>
            {' · '}
            <button type="button" className="link-button" onClick={() => window.print()}>
              Print
            </button>
          </p>
        </div>
        <div className="no-print">
          {!firstLoad && attemptData?.result && <PractiseFromAttempt attempt={attemptData} />}
        </div>
      </div>
      {!firstLoad && (
        <nav aria-label="Filter questions" className="segmented no-print">
          {FILTERS.filter((f) => !f.onlyWhenUsed || filter === f.value || (reviewData?.counts[f.value] ?? 0) > 0).map(
            (f) => (
              <Link
                key={f.value}
                to={f.value === 'all' ? `/attempts/${id}/review` : `/attempts/${id}/review?filter=${f.value}`}
                aria-current={filter === f.value ? 'page' : undefined}
                replace
              >
                {f.label}
                {reviewData && <span className="filter-count"> ({reviewData.counts[f.value]})</span>}
              </Link>
            ),
          )}
        </nav>
      )}
      {firstLoad ? (
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
          {items.length > 0 && <JumpGrid items={items} current={shown} onJump={jump} />}
          <div className="review-tools no-print">
            <p className="muted" aria-live="polite">
              {items.length === 0
                ? EMPTY[filter]
                : pages > 1
                  ? `Questions ${(page - 1) * PAGE_SIZE + 1}-${Math.min(page * PAGE_SIZE, items.length)} of ${plural(items.length, 'question')} (page ${page} of ${pages}).`
                  : `Showing ${plural(items.length, 'question')}.`}
            </p>
            {items.length > 0 && (
              <span>
                <button type="button" className="link-button" onClick={() => setCollapsed(new Set())}>
                  Expand all
                </button>
                {' · '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setCollapsed(new Set(items.map((i) => i.position)))}
                >
                  Collapse all
                </button>
              </span>
            )}
          </div>
          {pages > 1 && !printing && <Pager page={page} pages={pages} onPage={(p) => goTo(p)} label="Pages, top" />}
          <div className="review-list">
            {listed.map((item) => (
              <ReviewItem
                key={item.position}
                item={item}
                expanded={printing || !collapsed.has(item.position)}
                onToggle={toggle}
              />
            ))}
          </div>
          {listed.length < shown.length && (
            <p ref={progressive.endRef} className="review-more no-print">
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  // Keyboard and screen-reader users land on the first question the button added. In
                  // the same transition as the cards: drawn urgently, a card still loading its code
                  // would put the page's loading state up and take the focus away with it.
                  startTransition(() => {
                    setFocusTarget(shown[listed.length]?.position ?? null);
                    progressive.more();
                  })
                }
              >
                Show the next {plural(Math.min(CARDS_PER_STEP, shown.length - listed.length), 'question')}
              </button>{' '}
              <span className="muted">({shown.length - listed.length} more on this page)</span>
            </p>
          )}
          {pages > 1 && !printing && <Pager page={page} pages={pages} onPage={(p) => goTo(p)} label="Pages, bottom" />}
        </>
      )}
    </div>
  );
}

/** True while the browser prints (Print button or Ctrl+P): every card of the filter, expanded. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

function Pager({
  page,
  pages,
  onPage,
  label,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  label: string;
}) {
  return (
    <nav className="pager no-print" aria-label={label}>
      <button
        type="button"
        className="button button-small button-secondary"
        disabled={page === 1}
        onClick={() => onPage(page - 1)}
      >
        Previous
      </button>
      {Array.from({ length: pages }, (_, i) => i + 1).map((p) => (
        <button
          key={p}
          type="button"
          className="button button-small button-secondary"
          aria-current={p === page ? 'page' : undefined}
          aria-label={`Page ${p}`}
          onClick={() => onPage(p)}
        >
          {p}
        </button>
      ))}
      <button
        type="button"
        className="button button-small button-secondary"
        disabled={page === pages}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}

/** One button per question of the filter: symbol and colour for the verdict, a flag mark, and a name that says both. */
const JumpGrid = memo(function JumpGrid({
  items,
  current,
  onJump,
}: {
  items: ReviewItemData[];
  current: ReviewItemData[];
  onJump: (index: number, position: number) => void;
}) {
  const onPage = new Set(current.map((i) => i.position));
  return (
    <nav className="jump-grid no-print" aria-label="Jump to a question">
      {items.map((item, index) => {
        const verdict = verdictOf(item);
        return (
          <button
            key={item.position}
            type="button"
            className={`jump jump-${verdict} ${onPage.has(item.position) ? 'jump-on-page' : ''}`}
            aria-label={`Question ${item.position}, ${VERDICT_LABEL[verdict].toLowerCase()}${item.flagged ? ', flagged' : ''}`}
            onClick={() => onJump(index, item.position)}
          >
            <span aria-hidden="true">
              {VERDICT_SYMBOL[verdict]}
              {item.position}
              {item.flagged ? '⚑' : ''}
            </span>
          </button>
        );
      })}
    </nav>
  );
});
