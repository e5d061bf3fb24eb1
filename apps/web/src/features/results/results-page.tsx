import type { AttemptResponse, AttemptResult } from '@saa/contract/attempts';
import { useDeferredValue } from 'react';
import { Link, useParams } from 'react-router';
import { BarList } from '../../components/charts/bar-list.tsx';
import { EstimateNote } from '../../components/estimate-note.tsx';
import { LazyDetails } from '../../components/lazy-details.tsx';
import { ErrorState, PageSkeleton } from '../../components/query-state.tsx';
import { useAttempt } from '../../lib/api/get-attempt.ts';
import { ApiError } from '../../lib/api-client.ts';
import { formatDateTime, formatDuration, formatPercent, MODE_LABEL, plural } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { PASS_PERCENT } from '../../lib/pass-percent.ts';
import './results.css';
import { PractiseFromAttempt, practiseSourceOf } from '../../components/practise-from-attempt.tsx';
import { CalibrationCard } from './calibration-card.tsx';
import { QuestionTimes } from './question-times.tsx';

export function ResultsPage() {
  const { id = '' } = useParams();
  usePageTitle('Results');
  const attempt = useAttempt(id);

  if (attempt.isPending) return <PageSkeleton label="Loading your results…" cards={3} />;
  if (attempt.isError) {
    if (attempt.error instanceof ApiError && (attempt.error.status === 404 || attempt.error.status === 400)) {
      return (
        <section>
          <h1>Attempt not found</h1>
          <p>
            There is no attempt at this address for your account. <Link to="/history">See your history</Link>.
          </p>
        </section>
      );
    }
    return (
      <ErrorState
        title="The results could not be loaded"
        error={attempt.error}
        onRetry={() => void attempt.refetch()}
      />
    );
  }
  const data = attempt.data;
  if (data.status === 'in_progress' || !data.result) {
    return (
      <section>
        <h1>Results</h1>
        <p>This attempt is still running; results appear once it is submitted.</p>
        <Link to={`/attempts/${id}`} className="button">
          Resume the attempt
        </Link>
      </section>
    );
  }
  return <Results attempt={data} result={data.result} />;
}

function Results({ attempt, result }: { attempt: AttemptResponse; result: AttemptResult }) {
  // The score card comes with the page; the breakdowns below it follow in a background pass that
  // React renders in slices, so the answer arriving never blocks a slow phone in one long task.
  const details = useDeferredValue(result, null) !== null;
  const { wrong, unanswered } = result;
  const missed = wrong + unanswered;
  const limitSeconds = attempt.deadline ? (Date.parse(attempt.deadline) - Date.parse(attempt.startedAt)) / 1000 : null;

  return (
    <div className="results">
      <h1>Results</h1>
      <p className="muted">
        {MODE_LABEL[attempt.mode]} · {plural(attempt.questionCount, 'question')} · started{' '}
        {formatDateTime(attempt.startedAt)}
      </p>
      {attempt.status === 'expired' && (
        <p className="banner banner-warn">
          Time ran out: the attempt was submitted automatically. Unanswered questions count as wrong.
        </p>
      )}

      <section className="card score-card" aria-labelledby="score-heading">
        <h2 id="score-heading" className="visually-hidden">
          Score
        </h2>
        <div className="score-main">
          {result.scaledScore !== null && result.passed !== null ? (
            <>
              <p className="score-number">
                <span className="big-number">{result.scaledScore}</span>
                <span className="big-number-label">
                  estimated scaled score
                  <br />
                  (100–1000, pass mark {result.passingScore})
                </span>
              </p>
              <p className={`verdict-large ${result.passed ? 'verdict-good' : 'verdict-bad'}`}>
                {result.passed ? 'Pass' : 'Below the pass mark'}
                <span className="verdict-detail">
                  {result.passed
                    ? ` · ${result.scaledScore - result.passingScore} points above ${result.passingScore}`
                    : ` · ${result.passingScore - result.scaledScore} points short of ${result.passingScore}`}
                </span>
              </p>
            </>
          ) : (
            <p className="score-number">
              <span className="big-number">{formatPercent(result.percent)}</span>
              <span className="big-number-label">
                {result.correct} of {result.total} correct
                <br />
                No scaled score: you chose this set's topics, so it says little about the exam. Mocks give an estimate.
              </span>
            </p>
          )}
        </div>
        <dl className="score-facts">
          <div>
            <dt>Correct</dt>
            <dd>
              {result.correct} of {result.total} ({formatPercent(result.percent)})
            </dd>
          </div>
          <div>
            <dt>Wrong</dt>
            <dd>{wrong}</dd>
          </div>
          <div>
            <dt>Unanswered</dt>
            <dd>{unanswered}</dd>
          </div>
          <div>
            <dt>Time used</dt>
            <dd>
              {formatDuration(result.timeUsedSeconds)}
              {limitSeconds !== null && <span className="muted"> of {formatDuration(limitSeconds)}</span>}
            </dd>
          </div>
        </dl>
        {result.scaledScore !== null && <EstimateNote />}
        <PractiseFromAttempt source={practiseSourceOf(attempt, result)} />
        <div className="actions">
          <Link to={`/attempts/${attempt.id}/review`} className="button">
            Review all answers
          </Link>
          {missed > 0 && (
            <Link to={`/attempts/${attempt.id}/review?filter=missed`} className="button button-secondary">
              Review the {plural(missed, 'missed question')}
            </Link>
          )}
          <Link to="/" className="button button-secondary">
            Back to the dashboard
          </Link>
        </div>
      </section>

      {details && (
        <>
          <div className="results-grid">
            <section className="card" aria-labelledby="domain-heading">
              <h2 id="domain-heading">By domain</h2>
              <p className="muted">AWS reports performance per domain; there is no pass mark per domain.</p>
              <BarList
                items={result.domains.map((d) => ({
                  key: d.domain,
                  label: d.name,
                  value: d.total > 0 ? d.percent : null,
                  detail: `${d.correct} of ${d.total}`,
                  tone: d.total === 0 ? 'neutral' : d.percent >= PASS_PERCENT ? 'good' : 'bad',
                }))}
                marker={{ value: PASS_PERCENT, label: `${Math.round(PASS_PERCENT)}% correct ≈ 720 estimated` }}
                emptyText="Not in this attempt"
              />
            </section>

            <section className="card" aria-labelledby="slow-heading">
              <h2 id="slow-heading">Time per question</h2>
              <QuestionTimes attemptId={attempt.id} times={result.questionTimes} />
            </section>

            <CalibrationCard attemptId={attempt.id} result={result} />
          </div>

          {result.sections.length > 0 && (
            <section className="card" aria-labelledby="sections-heading">
              <h2 id="sections-heading">By section</h2>
              <LazyDetails
                className="sections-details"
                summary={`Show all ${plural(result.sections.length, 'section')}, weakest first`}
              >
                {() => (
                  <div className="table-scroll">
                    <table className="data-table">
                      <thead>
                        <tr>
                          <th scope="col">Section</th>
                          <th scope="col" className="num">
                            Correct
                          </th>
                          <th scope="col" className="num">
                            Score
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {[...result.sections]
                          .sort((a, b) => a.percent - b.percent)
                          .map((s) => (
                            <tr key={s.section}>
                              <th scope="row">{s.title}</th>
                              <td className="num">
                                {s.correct} of {s.total}
                              </td>
                              <td className="num">{formatPercent(s.percent)}</td>
                            </tr>
                          ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </LazyDetails>
            </section>
          )}
        </>
      )}
    </div>
  );
}
