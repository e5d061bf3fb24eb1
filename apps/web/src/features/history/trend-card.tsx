import type { StatsResponse } from '@saa/contract/stats';
import { useState } from 'react';
import { LineChart } from '../../components/charts/line-chart.tsx';
import { ScoreTrendChart } from '../../components/score-trend-chart.tsx';
import { chartLabels, formatPercent } from '../../lib/format.ts';
import { PASS_PERCENT } from '../../lib/pass-percent.ts';
import { readJson, writeJson } from '../../lib/storage.ts';

const KEY = 'saa:history:trend-includes-practice';

/**
 * The score trend: mocks by default (only they are exam-like, with an estimated scaled score);
 * a remembered switch adds practice sets and drills, charted as percent correct.
 */
export function TrendCard({ trend }: { trend: StatsResponse['trend'] }) {
  const [withPractice, setWithPractice] = useState(() => readJson<boolean>(KEY) === true);
  const mocks = trend.flatMap((t) =>
    t.scaledScore === null ? [] : [{ at: t.submittedAt, scaledScore: t.scaledScore }],
  );
  const toggle = (next: boolean) => {
    setWithPractice(next);
    writeJson(KEY, next);
  };
  return (
    <>
      <label className="choice">
        <input type="checkbox" checked={withPractice} onChange={(e) => toggle(e.target.checked)} />
        <span>Include practice sets and drills (as percent correct)</span>
      </label>
      {withPractice ? (
        trend.length === 0 ? (
          <p className="muted">Finish an attempt to start the trend line.</p>
        ) : (
          <>
            <LineChart
              title="Percent correct, every attempt"
              description={`${trend.length} scored attempts, mocks and practice; about ${formatPercent(PASS_PERCENT)} correct matches the 720 pass mark.`}
              labels={chartLabels(trend.map((t) => t.submittedAt))}
              series={[{ name: 'Percent correct', values: trend.map((t) => t.percent) }]}
              min={0}
              max={100}
              ticks={[0, 25, 50, 75, 100]}
              formatValue={(v) => `${v}%`}
              reference={{ value: PASS_PERCENT, label: '≈720 (69%)' }}
            />
            <p className="muted small">
              Practice sets and drills cover topics you chose, so they say less about the exam than mocks do.
            </p>
          </>
        )
      ) : mocks.length === 0 ? (
        <p className="muted">Finish a mock exam to start the trend line (practice sets are not exam-like).</p>
      ) : (
        <ScoreTrendChart title="Estimated scaled score of your mock exams" points={mocks} />
      )}
    </>
  );
}
