import { EXAM } from '@saa/contract/constants';
import { chartLabels } from '../lib/format.ts';
import { LineChart } from './charts/line-chart.tsx';

interface ScoreTrendChartProps {
  /** Oldest first; `at` is when the attempt was scored (ISO). */
  points: { at: string; scaledScore: number }[];
  title?: string;
}

/** Estimated scaled scores over time against the 720 pass mark. */
export function ScoreTrendChart({ points, title = 'Estimated scaled score over time' }: ScoreTrendChartProps) {
  const last = points.at(-1);
  const description = last
    ? `${points.length} scored attempts; the latest is an estimated ${last.scaledScore}, against a pass mark of ${EXAM.passingScore}.`
    : 'No scored attempts yet.';
  return (
    <LineChart
      title={title}
      description={description}
      labels={chartLabels(points.map((p) => p.at))}
      series={[{ name: 'Estimated scaled score', values: points.map((p) => p.scaledScore) }]}
      min={EXAM.minScaledScore}
      max={EXAM.maxScaledScore}
      ticks={[100, 400, 700, 1000]}
      reference={{ value: EXAM.passingScore, label: `Pass ${EXAM.passingScore}` }}
    />
  );
}
