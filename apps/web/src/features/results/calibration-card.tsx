import type { AttemptResult } from '@saa/contract/attempts';
import { Link } from 'react-router';
import { BarList } from '../../components/charts/bar-list.tsx';
import { CONFIDENCE_LABEL, calibrationSummary } from '../../lib/calibration.ts';
import { plural } from '../../lib/format.ts';

/** Accuracy by how sure the candidate said they were, and the two sets that teach the most. */
export function CalibrationCard({ attemptId, result }: { attemptId: string; result: AttemptResult }) {
  const summary = calibrationSummary(result);
  return (
    <section className="card" aria-labelledby="calibration-heading">
      <h2 id="calibration-heading">How sure you were</h2>
      {summary.rated === 0 ? (
        <p className="muted">
          You did not say how sure you were of any answer. In the exam, press S (sure), U (unsure) or G (guess) after
          answering: the results then show whether your confidence can be trusted.
        </p>
      ) : (
        <>
          <BarList
            items={result.calibration.map((level) => ({
              key: level.confidence,
              label: CONFIDENCE_LABEL[level.confidence],
              value: Math.round((100 * level.correct) / level.total),
              detail: `${level.correct} of ${level.total} right`,
              tone: 'neutral',
            }))}
            emptyText="Not used"
          />
          <ul className="calibration-sets">
            <li>
              {summary.sureButWrong > 0 ? (
                <>
                  <Link to={`/attempts/${attemptId}/review?filter=sure-wrong`}>
                    {plural(summary.sureButWrong, 'answer')} you were sure of but got wrong
                  </Link>{' '}
                  <span className="muted">These are misconceptions: the most useful to fix.</span>
                </>
              ) : (
                'Every answer you were sure of was right.'
              )}
            </li>
            <li>
              {summary.rightButGuessed > 0 ? (
                <>
                  <Link to={`/attempts/${attemptId}/review?filter=guessed`}>
                    {plural(summary.rightButGuessed, 'right answer')} you only guessed
                  </Link>{' '}
                  <span className="muted">They come back in your drill, like mistakes.</span>
                </>
              ) : (
                'No right answer was a guess.'
              )}
            </li>
          </ul>
          {summary.unrated > 0 && (
            <p className="muted small">{plural(summary.unrated, 'answered question')} without a confidence.</p>
          )}
        </>
      )}
    </section>
  );
}
