import { ErrorState, PageSkeleton } from '../../components/query-state.tsx';
import { useStats } from '../../lib/api/get-stats.ts';
import { useAttemptPages } from '../../lib/api/list-attempts.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { AttemptTable } from './attempt-table.tsx';
import { DomainTrends } from './domain-trends.tsx';
import './history.css';
import { TrendCard } from './trend-card.tsx';

const PAGE_SIZE = 20;

export function HistoryPage() {
  usePageTitle('History');
  const pages = useAttemptPages(PAGE_SIZE);
  const stats = useStats();

  if (pages.isPending) return <PageSkeleton label="Loading your history…" cards={3} />;
  if (pages.isError && !pages.data) {
    return (
      <ErrorState title="Your history could not be loaded" error={pages.error} onRetry={() => void pages.refetch()} />
    );
  }
  const attempts = pages.data.pages.flatMap((p) => p.items);

  return (
    <div className="history">
      <h1>History</h1>
      {attempts.length === 0 ? (
        <section className="card">
          <h2>No attempts yet</h2>
          <p>Every mock, practice and drill you take is listed here with its score, and charted over time.</p>
        </section>
      ) : (
        <>
          <div className="history-charts">
            <section className="card" aria-labelledby="history-trend-heading">
              <h2 id="history-trend-heading">Score trend</h2>
              {stats.isPending ? (
                <PageSkeleton label="Loading the trend…" cards={1} />
              ) : stats.isError ? (
                <ErrorState
                  title="The trend could not be loaded"
                  error={stats.error}
                  onRetry={() => void stats.refetch()}
                />
              ) : (
                <TrendCard trend={stats.data.trend} />
              )}
            </section>
            <DomainTrends attempts={attempts} />
          </div>
          <AttemptTable
            attempts={attempts}
            hasMore={pages.hasNextPage}
            loadingMore={pages.isFetchingNextPage}
            error={pages.isFetchNextPageError ? pages.error : null}
            onLoadMore={() => void pages.fetchNextPage()}
          />
        </>
      )}
    </div>
  );
}
