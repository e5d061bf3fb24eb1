import { useDeferredValue } from 'react';
import { ErrorState, PageSkeleton } from '../../components/query-state.tsx';
import { ScoreTrendChart } from '../../components/score-trend-chart.tsx';
import { useStats } from '../../lib/api/get-stats.ts';
import { useRecentAttempts } from '../../lib/api/list-attempts.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { DomainStrengths } from './domain-strengths.tsx';
import { ReadinessCard } from './readiness-card.tsx';
import { RecentAttempts } from './recent-attempts.tsx';
import { RunningAttempts } from './running-attempts.tsx';
import { StartPanel } from './start-panel.tsx';
import { WeakestSections } from './weakest-sections.tsx';
import { WelcomeCard } from './welcome-card.tsx';
import './dashboard.css';

export function DashboardPage() {
  usePageTitle('Dashboard');
  const stats = useStats();
  const recent = useRecentAttempts(12);
  // What is running and how to start come with the page; the charts and lists below follow in a
  // background pass that React renders in slices (no long task on a slow phone when data lands).
  const later = useDeferredValue(stats.data);

  if (stats.isPending || recent.isPending) return <PageSkeleton label="Loading your dashboard…" cards={4} />;
  if (stats.isError || recent.isError) {
    return (
      <ErrorState
        title="Your dashboard could not be loaded"
        error={stats.error ?? recent.error}
        onRetry={() => {
          void stats.refetch();
          void recent.refetch();
        }}
      />
    );
  }

  const data = stats.data;
  const isNew = data.attemptsSubmitted === 0 && recent.data.items.length === 0;
  // Only mocks carry an estimated scaled score: practice and drills are not exam-like.
  const mockTrend = data.trend.flatMap((t) =>
    t.scaledScore === null ? [] : [{ at: t.submittedAt, scaledScore: t.scaledScore }],
  );

  return (
    <div className="dashboard">
      <h1>{isNew ? 'Welcome' : 'Dashboard'}</h1>
      <RunningAttempts attempts={recent.data.items} fetchedAt={recent.dataUpdatedAt} />
      {isNew && <WelcomeCard />}
      <StartPanel drill={data.drill} />
      {!isNew && later && (
        <>
          <div className="dashboard-grid">
            <ReadinessCard readiness={data.readiness} />
            <section className="card" aria-labelledby="trend-heading">
              <h2 id="trend-heading">Score trend</h2>
              {mockTrend.length === 0 ? (
                <p className="muted">Finish a mock exam to start the trend line (practice sets are not exam-like).</p>
              ) : (
                <ScoreTrendChart title="Estimated scaled score per mock exam" points={mockTrend} />
              )}
            </section>
          </div>
          <div className="dashboard-grid dashboard-grid-wide-first">
            <DomainStrengths domains={data.domains} />
            <WeakestSections sections={data.weakestSections} />
          </div>
          <RecentAttempts attempts={recent.data.items.slice(0, 5)} />
        </>
      )}
    </div>
  );
}
