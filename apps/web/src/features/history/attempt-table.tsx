import type { AttemptSummary } from '@saa/contract/attempts';
import { Link } from 'react-router';
import { errorMessage } from '../../lib/api-client.ts';
import { formatDateTime, formatPercent, MODE_LABEL, STATUS_LABEL } from '../../lib/format.ts';

interface AttemptTableProps {
  attempts: AttemptSummary[];
  hasMore: boolean;
  loadingMore: boolean;
  error: unknown;
  onLoadMore: () => void;
}

export function AttemptTable({ attempts, hasMore, loadingMore, error, onLoadMore }: AttemptTableProps) {
  return (
    <section className="card" aria-labelledby="attempts-heading">
      <h2 id="attempts-heading">All attempts</h2>
      <div className="table-scroll">
        <table className="data-table attempt-table">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                Questions
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col" className="num">
                Est. scaled
              </th>
              <th scope="col">Result</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.startedAt)}</td>
                <td>{MODE_LABEL[a.mode]}</td>
                <td className="num">{a.questionCount}</td>
                <td>{STATUS_LABEL[a.status]}</td>
                <td className="num">{a.percent === null ? '–' : formatPercent(a.percent)}</td>
                <td className="num">{a.scaledScore ?? '–'}</td>
                <td>
                  {a.passed === null ? (
                    '–'
                  ) : (
                    <span className={`pill ${a.passed ? 'pill-good' : 'pill-bad'}`}>{a.passed ? 'Pass' : 'Fail'}</span>
                  )}
                </td>
                <td>
                  {a.status === 'in_progress' ? (
                    <Link to={`/attempts/${a.id}`}>
                      Resume<span className="visually-hidden"> the attempt from {formatDateTime(a.startedAt)}</span>
                    </Link>
                  ) : (
                    <Link to={`/attempts/${a.id}/results`}>
                      Results<span className="visually-hidden"> of the attempt from {formatDateTime(a.startedAt)}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error ? (
        <p className="banner banner-bad" role="alert">
          {errorMessage(error)}{' '}
          <button type="button" className="link-button" onClick={onLoadMore}>
            Retry
          </button>
        </p>
      ) : null}
      {hasMore && (
        <div className="load-more">
          <button type="button" className="button button-secondary" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Show older attempts'}
          </button>
        </div>
      )}
    </section>
  );
}
