import { useEffect } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { ErrorState, PageSkeleton } from '../../components/query-state.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useRunningAttempt } from './api/get-running-attempt.ts';
import { clearLocalState } from './attempt-store.ts';
import { ExamRunner } from './exam-runner.tsx';
import './exam.css';

export function ExamPage() {
  const { id = '' } = useParams();
  usePageTitle('Exam in progress');
  const running = useRunningAttempt(id);
  const over = running.data && running.data.attempt.status !== 'in_progress';

  useEffect(() => {
    if (over) clearLocalState(id);
  }, [over, id]);

  if (running.isPending) {
    return (
      <main id="main" tabIndex={-1} className="page">
        <PageSkeleton label="Loading your exam…" cards={2} />
      </main>
    );
  }
  if (running.isError) {
    const notFound =
      running.error instanceof ApiError && (running.error.status === 404 || running.error.status === 400);
    return (
      <main id="main" tabIndex={-1} className="page">
        {notFound ? (
          <section>
            <h1>Attempt not found</h1>
            <p>
              There is no attempt at this address for your account. <Link to="/">Go to the dashboard</Link>.
            </p>
          </section>
        ) : (
          <ErrorState
            title="The exam could not be loaded"
            error={running.error}
            onRetry={() => void running.refetch()}
          />
        )}
      </main>
    );
  }
  if (over) return <Navigate to={`/attempts/${id}/results`} replace />;
  // Keyed by attempt: a different attempt gets a fresh queue, clock and answers.
  return <ExamRunner key={id} attempt={running.data.attempt} receivedAt={running.data.receivedAt} />;
}
