import type { AttemptResult } from '@saa/contract/attempts';
import { EXAM } from '@saa/contract/constants';
import { Link } from 'react-router';
import { LazyDetails } from '../../components/lazy-details.tsx';
import { formatDuration } from '../../lib/format.ts';
import { paceOf } from './pace.ts';

/** Time per question against the exam's 2 minutes, and the pace through the attempt. */
export function QuestionTimes({ attemptId, times }: { attemptId: string; times: AttemptResult['questionTimes'] }) {
  const pace = paceOf(times);
  const budget = EXAM.secondsPerQuestion;
  const measured = times.some((t) => t.measured);
  if (pace.timed === 0) return <p className="muted">No answered questions to time.</p>;
  const longest = Math.max(budget * 1.5, ...times.map((t) => t.seconds ?? 0));
  return (
    <div className="question-times">
      <p>
        On average <strong>{formatDuration(pace.averageSeconds ?? 0)}</strong> a question against the exam's{' '}
        {formatDuration(budget)}; <strong>{pace.overBudget}</strong> took longer than that.
      </p>
      <p className="pace-line">
        {pace.endSeconds <= 0
          ? `Finished ahead of the exam's pace by ${formatDuration(-pace.endSeconds)}.`
          : `Finished behind the exam's pace by ${formatDuration(pace.endSeconds)}.`}
        {pace.behind &&
          ` At worst behind it by ${formatDuration(pace.behind.seconds)} at question ${pace.behind.position}.`}
      </p>
      <LazyDetails initiallyOpen={times.length <= 20} summary={`Each question against ${formatDuration(budget)}`}>
        {() => (
          <ol className="time-bars">
            {times.map((t) => (
              <li key={t.position}>
                <Link to={`/attempts/${attemptId}/review#question-${t.position}`}>Q{t.position}</Link>
                <span className="time-bar" aria-hidden="true">
                  <span
                    className={(t.seconds ?? 0) > budget ? 'time-fill time-over' : 'time-fill'}
                    style={{ width: `${Math.min(100, ((t.seconds ?? 0) / longest) * 100)}%` }}
                  />
                  <span className="time-budget" style={{ left: `${(budget / longest) * 100}%` }} />
                </span>
                <span className="small">
                  {t.seconds === null
                    ? 'not timed'
                    : t.seconds > budget
                      ? `${formatDuration(t.seconds)}, over by ${formatDuration(t.seconds - budget)}`
                      : formatDuration(t.seconds)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </LazyDetails>
      <p className="muted small">
        {measured
          ? 'Time each question was on screen, as your browser measured it.'
          : 'Estimated from when each answer was first saved.'}
      </p>
    </div>
  );
}
