import type { AttemptSummary } from '@saa/contract/attempts';
import { DOMAINS } from '@saa/contract/constants';
import { LineChart } from '../../components/charts/line-chart.tsx';
import { chartLabels } from '../../lib/format.ts';
import { PASS_PERCENT } from '../../lib/pass-percent.ts';

/** Share of correct answers per domain across the scored attempts loaded so far, oldest first. */
export function DomainTrends({ attempts }: { attempts: AttemptSummary[] }) {
  const scored = attempts.filter((a) => a.domains && a.domains.length > 0).reverse();
  return (
    <section className="card" aria-labelledby="domain-trend-heading">
      <h2 id="domain-trend-heading">Domains over time</h2>
      {scored.length === 0 ? (
        <p className="muted">Per-domain trends appear after your first scored attempt.</p>
      ) : (
        <LineChart
          title="Correct answers per domain, per attempt"
          description={`${scored.length} scored attempts; one line per exam domain, with the roughly ${Math.round(PASS_PERCENT)}% needed for an estimated 720.`}
          labels={chartLabels(scored.map((a) => a.submittedAt ?? a.startedAt))}
          series={DOMAINS.map((d) => ({
            name: d.name.replace('Design ', '').replace(' Architectures', ''),
            values: scored.map((a) => {
              const row = a.domains?.find((x) => x.domain === d.id);
              return row && row.total > 0 ? row.percent : null;
            }),
          }))}
          min={0}
          max={100}
          ticks={[0, 25, 50, 75, 100]}
          formatValue={(v) => `${Math.round(v)}%`}
          reference={{ value: PASS_PERCENT, label: `≈720` }}
        />
      )}
    </section>
  );
}
