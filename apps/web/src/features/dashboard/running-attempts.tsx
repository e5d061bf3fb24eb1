import type { AttemptSummary } from '@saa/contract/attempts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatClock } from '../../lib/format.ts';

const MODE: Record<AttemptSummary['mode'], string> = { mock: 'Mock exam', practice: 'Practice', drill: 'Drill' };

/**
 * Attempts still running, first on the dashboard: what to resume and how much time is left. The
 * list's own answer carries both (no request per attempt); `fetchedAt` is when it arrived.
 */
export function RunningAttempts({ attempts, fetchedAt }: { attempts: AttemptSummary[]; fetchedAt: number }) {
  const running = attempts.filter((a) => a.status === 'in_progress');
  if (running.length === 0) return null;
  return (
    <section className="card running-attempts" aria-labelledby="running-heading">
      <h2 id="running-heading">Still running</h2>
      <ul className="running-list">
        {running.map((a) => (
          <RunningAttempt key={a.id} summary={a} fetchedAt={fetchedAt} />
        ))}
      </ul>
    </section>
  );
}

function RunningAttempt({ summary, fetchedAt }: { summary: AttemptSummary; fetchedAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  // The server's seconds left at the time of its answer, counted down here: the device's clock
  // may be wrong, its pace is not.
  const left =
    summary.remainingSeconds === null
      ? null
      : Math.max(0, summary.remainingSeconds - Math.floor((now - fetchedAt) / 1000));
  if (left === 0) return null;
  return (
    <li className="running-item">
      <span>
        <strong>{MODE[summary.mode]}</strong> · {summary.answeredCount ?? 0} of {summary.questionCount} answered ·{' '}
        {left === null ? 'Untimed' : <span className="timer-value">{formatClock(left)} left</span>}
      </span>
      <Link to={`/attempts/${summary.id}`} className="button button-small">
        Resume<span className="visually-hidden"> the {MODE[summary.mode].toLowerCase()}</span>
      </Link>
    </li>
  );
}
