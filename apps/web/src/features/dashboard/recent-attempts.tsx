import type { AttemptSummary } from '@saa/contract/attempts';
import { Link } from 'react-router';
import { formatDateTime, formatPercent, MODE_LABEL, plural, STATUS_LABEL } from '../../lib/format.ts';

export function RecentAttempts({ attempts }: { attempts: AttemptSummary[] }) {
  return (
    <section className="card" aria-labelledby="recent-heading">
      <div className="card-header">
        <h2 id="recent-heading">Last attempts</h2>
        <Link to="/history">All history</Link>
      </div>
      {attempts.length === 0 ? (
        <p className="muted">Your attempts will be listed here.</p>
      ) : (
        <ul className="attempt-list">
          {attempts.map((a) => (
            <li key={a.id}>
              <div>
                <span className="attempt-mode">{MODE_LABEL[a.mode]}</span>
                <span className="muted">
                  {formatDateTime(a.startedAt)} · {plural(a.questionCount, 'question')}
                </span>
              </div>
              {a.status === 'in_progress' ? (
                <Link to={`/attempts/${a.id}`} className="button button-small">
                  Resume
                  <span className="visually-hidden">
                    {' '}
                    {MODE_LABEL[a.mode].toLowerCase()} started {formatDateTime(a.startedAt)}
                  </span>
                </Link>
              ) : (
                <Link to={`/attempts/${a.id}/results`} className="attempt-score">
                  <span className="attempt-score-text">
                    {a.percent === null ? STATUS_LABEL[a.status] : formatPercent(a.percent)}
                    {a.scaledScore !== null && <span className="muted"> · est. {a.scaledScore}</span>}
                  </span>
                  {a.passed !== null && (
                    <span className={`pill ${a.passed ? 'pill-good' : 'pill-bad'}`}>{a.passed ? 'Pass' : 'Fail'}</span>
                  )}
                  <span aria-hidden="true">›</span>
                  <span className="visually-hidden">
                    : results of the {MODE_LABEL[a.mode].toLowerCase()} from {formatDateTime(a.startedAt)}
                  </span>
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
