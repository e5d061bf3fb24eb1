import type { CreateAttemptRequest } from '@saa/contract/attempts';
import { EXAM } from '@saa/contract/constants';
import type { StatsResponse } from '@saa/contract/stats';
import { Link, useNavigate } from 'react-router';
import { useCreateAttempt } from '../../lib/api/create-attempt.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { plural } from '../../lib/format.ts';

interface StartPanelProps {
  drill: StatsResponse['drill'];
}

/** One-click starts: the full mock, a custom practice and the drill of due questions. */
export function StartPanel({ drill }: StartPanelProps) {
  const drillDue = drill.due;
  const create = useCreateAttempt();
  const navigate = useNavigate();
  const start = (request: CreateAttemptRequest) =>
    create.mutate(request, { onSuccess: (attempt) => navigate(`/attempts/${attempt.id}`) });
  const pendingMode = create.isPending ? create.variables?.mode : undefined;

  return (
    <section aria-labelledby="start-heading" className="dashboard-section">
      <h2 id="start-heading">Start</h2>
      {create.isError && (
        <p className="banner banner-bad" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      <div className="start-grid">
        <article className="card start-card">
          <h3>Full mock exam</h3>
          <p>
            {EXAM.mockQuestions} questions in {EXAM.mockMinutes} minutes, weighted by domain like the real exam. Results
            at the end.
          </p>
          <button type="button" className="button" disabled={create.isPending} onClick={() => start({ mode: 'mock' })}>
            {pendingMode === 'mock' ? 'Starting…' : 'Start full mock'}
          </button>
        </article>
        <article className="card start-card">
          <h3>Custom practice</h3>
          <p>
            Pick domains or sections, 1 to {EXAM.maxPracticeQuestions} questions, timed or not, feedback now or at the
            end.
          </p>
          <Link to="/practice" className="button button-secondary">
            Set up a practice
          </Link>
        </article>
        <article className="card start-card">
          <h3>Drill</h3>
          <p id="drill-explanation">
            {drillDue > 0
              ? `${plural(drillDue, 'question')} you missed ${drillDue === 1 ? 'is' : 'are'} due for another try, spaced so they stick.`
              : drill.scheduled > 0
                ? `Nothing is due right now. ${plural(drill.scheduled, 'missed question')} ${drill.scheduled === 1 ? 'is' : 'are'} scheduled for spaced review and will come back here when due.`
                : 'Nothing is due. Questions you miss are scheduled here for spaced review, and come back when they are due.'}
          </p>
          <button
            type="button"
            className="button button-secondary"
            disabled={create.isPending || drillDue === 0}
            aria-describedby="drill-explanation"
            onClick={() => start({ mode: 'drill', questionCount: Math.min(drillDue, 20) })}
          >
            {pendingMode === 'drill'
              ? 'Starting…'
              : drillDue > 0
                ? `Drill ${Math.min(drillDue, 20)} now`
                : 'Drill (nothing due)'}
          </button>
        </article>
      </div>
    </section>
  );
}
