import type { ReviewFilter, ReviewResponse } from '@saa/contract/attempts';
import { useQueryClient } from '@tanstack/react-query';
import { memo, startTransition, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { PractiseFromAttempt, type PractiseSource } from '../../components/practise-from-attempt.tsx';
import { ErrorState, PageSkeleton } from '../../components/query-state.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { env } from '../../lib/env.ts';
import { plural } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useProgressiveCount } from '../../lib/use-progressive-count.ts';
import { reviewFilterOf, reviewPageOf, reviewQueryOptions, useReview } from './api/get-review.ts';
import { ReviewItem } from './review-item.tsx';
import { VERDICT_LABEL, VERDICT_SYMBOL, verdictOf } from './verdict.ts';
import './review.css';

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

type Outline = ReviewResponse['outline'];
const NO_ITEMS: ReviewResponse['items'] = [];
const NO_OUTLINE: Outline = [];
/** Cards drawn with the page itself; the rest a few at a time as the reader nears them (useProgressiveCount). */
const FIRST_CARDS = 3;
const CARDS_PER_STEP = 3;

export function ReviewPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = reviewFilterOf(params.get('filter'));
  usePageTitle('Review');
  const { hash } = useLocation();
  const hashPosition = /^#question-(\d+)$/.exec(hash)?.[1];
  // The API sends one page of cards, and the outline of the whole filter (the jump grid). A link to
  // one question (#question-47) opens the page that holds it, which the outline of the page the
  // address names tells (without a link, both are the same query).
  const addressPage = reviewPageOf(params.get('page'));
  const named = useReview(id, filter, addressPage);
  const namedPage = named.isPlaceholderData ? undefined : named.data;
  const hashIndex =
    hashPosition && namedPage ? namedPage.outline.findIndex((i) => i.position === Number(hashPosition)) : -1;
  const requestedPage = hashIndex >= 0 && namedPage ? Math.floor(hashIndex / namedPage.pageSize) + 1 : addressPage;
  const review = useReview(id, filter, requestedPage);
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const { printing, printItems, printAll } = usePrintAll(id, filter);
  const [focusTarget, setFocusTarget] = useState<number | null>(null);

  // An answer arriving after the page is up would render at once, in one task (a query's update is
  // synchronous); deferred, the cards render in slices that leave a slow phone free in between.
  const reviewData = useDeferredValue(review.data);
  const firstLoad = review.isPending || (review.data !== undefined && reviewData === undefined);
  const items = reviewData?.items ?? NO_ITEMS;
  const outline = reviewData?.outline ?? NO_OUTLINE;
  const pageSize = reviewData?.pageSize ?? 1;
  const pages = Math.max(1, Math.ceil(outline.length / pageSize));
  // What is on screen: until the page asked for arrives, the one before it stays.
  const page = reviewData?.page ?? 1;
  // A page past the end (an old link) opens the first.
  const pastTheEnd = review.error instanceof ApiError && review.error.status === 400 && requestedPage > 1;
  useEffect(() => {
    if (pastTheEnd)
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          copy.delete('page');
          return copy;
        },
        { replace: true },
      );
  }, [pastTheEnd, setParams]);

  // The first cards render with the page (the jump grid above them too: drawn later it would push
  // them down), the others as the reader scrolls towards them, so that a phone does not build a
  // page of twenty cards to show one. A question jumped to is drawn at once, with those before it.
  // Printing needs every card at once (it renders with flushSync).
  const jumpedTo = Math.max(
    items.findIndex((i) => i.position === focusTarget),
    items.findIndex((i) => i.position === Number(hashPosition)),
  );
  const progressive = useProgressiveCount(items, FIRST_CARDS, CARDS_PER_STEP, jumpedTo + 1);
  const listed = printing ? (printItems ?? items) : items.slice(0, progressive.count);

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
      setFocusTarget(focusPosition ?? outline[(next - 1) * pageSize]?.position ?? null);
    },
    [outline, pageSize, setParams],
  );
  const jump = useCallback(
    (index: number, position: number) => goTo(Math.floor(index / pageSize) + 1, position),
    [goTo, pageSize],
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

  const practise: PractiseSource | null = useMemo(
    () =>
      reviewData
        ? {
            attemptId: reviewData.attemptId,
            feedback: reviewData.feedback,
            timeLimitMinutes: reviewData.timeLimitMinutes,
            counts: reviewData.counts,
          }
        : null,
    [reviewData],
  );
  const firstShown = (page - 1) * pageSize + 1;
  const lastShown = Math.min(page * pageSize, outline.length);

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
            <button type="button" className="link-button" onClick={printAll}>
              Print
            </button>
          </p>
        </div>
        <div className="no-print">{!firstLoad && practise && <PractiseFromAttempt source={practise} />}</div>
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
      ) : review.isError && !reviewData ? (
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
          {outline.length > 0 && <JumpGrid outline={outline} current={items} onJump={jump} />}
          <div className="review-tools no-print">
            <p className="muted" aria-live="polite">
              {outline.length === 0
                ? EMPTY[filter]
                : pages > 1
                  ? `Questions ${firstShown}-${lastShown} of ${plural(outline.length, 'question')} (page ${page} of ${pages}).`
                  : `Showing ${plural(outline.length, 'question')}.`}
            </p>
            {outline.length > 0 && (
              <span>
                <button type="button" className="link-button" onClick={() => setCollapsed(new Set())}>
                  Expand all
                </button>
                {' · '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setCollapsed(new Set(outline.map((i) => i.position)))}
                >
                  Collapse all
                </button>
              </span>
            )}
          </div>
          {printing && !printItems && pages > 1 && (
            <p className="print-only">
              Questions {firstShown}-{lastShown} of {outline.length}. The review's Print button prints all of them.
            </p>
          )}
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
          {!printing && listed.length < items.length && (
            <p ref={progressive.endRef} className="review-more no-print">
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  // Keyboard and screen-reader users land on the first question the button added. In
                  // the same transition as the cards: drawn urgently, a card still loading its code
                  // would put the page's loading state up and take the focus away with it.
                  startTransition(() => {
                    setFocusTarget(items[listed.length]?.position ?? null);
                    progressive.more();
                  })
                }
              >
                Show the next {plural(Math.min(CARDS_PER_STEP, items.length - listed.length), 'question')}
              </button>{' '}
              <span className="muted">({items.length - listed.length} more on this page)</span>
            </p>
          )}
          {pages > 1 && !printing && <Pager page={page} pages={pages} onPage={(p) => goTo(p)} label="Pages, bottom" />}
        </>
      )}
    </div>
  );
}

/**
 * Printing shows every card of the filter, expanded. The Print button (and Ctrl+P, which it takes
 * over) first fetches the cards of the other pages; printing from the browser's menu cannot wait for
 * them, so it prints the page on screen and says so.
 */
function usePrintAll(attemptId: string, filter: ReviewFilter) {
  const queryClient = useQueryClient();
  const [printing, setPrinting] = useState(false);
  const [printItems, setPrintItems] = useState<ReviewResponse['items'] | null>(null);
  const printAll = useCallback(async () => {
    try {
      const all = await queryClient.fetchQuery(reviewQueryOptions(attemptId, filter, 'all'));
      flushSync(() => setPrintItems(all.items));
    } catch {
      // Offline or failed: the page on screen still prints, with the note that it is one page.
    }
    window.print();
  }, [attemptId, filter, queryClient]);
  useEffect(() => {
    // The print is laid out right after beforeprint: the cards must be in the page by then.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => {
      setPrinting(false);
      setPrintItems(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        void printAll();
      }
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      window.removeEventListener('keydown', onKey);
    };
  }, [printAll]);
  return { printing, printItems, printAll };
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
  outline,
  current,
  onJump,
}: {
  outline: Outline;
  current: ReviewResponse['items'];
  onJump: (index: number, position: number) => void;
}) {
  const onPage = new Set(current.map((i) => i.position));
  return (
    <nav className="jump-grid no-print" aria-label="Jump to a question">
      {outline.map((item, index) => {
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
