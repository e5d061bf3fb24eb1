import type { StatsResponse } from '@saa/contract/stats';
import { EstimateNote } from '../../components/estimate-note.tsx';
import { plural } from '../../lib/format.ts';

export function ReadinessCard({ readiness }: { readiness: StatsResponse['readiness'] }) {
  const { scaledScore, basedOnMocks, passingScore, ready, range, narrowing } = readiness;
  return (
    <section className="card readiness" aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Readiness</h2>
      {scaledScore === null ? (
        <p>Take a full mock exam to get a readiness estimate. It averages your last three mocks.</p>
      ) : (
        <>
          <p className="readiness-score">
            <span className="big-number">{scaledScore}</span>
            <span className="big-number-label">
              estimated scaled score
              <br />
              {basedOnMocks === 1 ? 'from your one mock so far' : `average of your last ${basedOnMocks} mocks`}
            </span>
          </p>
          {range && (
            <p className="readiness-range">
              Likely between <strong>{range.low}</strong> and <strong>{range.high}</strong>{' '}
              <span className="muted">(95% range: what this many questions can vary by chance)</span>
              {narrowing && (
                <>
                  . {plural(narrowing.moreMocks, 'more mock')} would narrow it to about ±{narrowing.halfWidth}.
                </>
              )}
            </p>
          )}
          <p className={`verdict ${ready ? 'verdict-good' : 'verdict-bad'}`}>
            {ready
              ? `Above the ${passingScore} pass mark: you look ready.`
              : scaledScore >= passingScore
                ? `Above ${passingScore}; take ${plural(Math.max(0, 3 - basedOnMocks), 'more mock')} to confirm.`
                : `${passingScore - scaledScore} points below the ${passingScore} pass mark.`}
          </p>
          <EstimateNote />
        </>
      )}
    </section>
  );
}
