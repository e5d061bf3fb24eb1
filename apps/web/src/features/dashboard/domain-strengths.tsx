import type { StatsResponse } from '@saa/contract/stats';
import { BarList } from '../../components/charts/bar-list.tsx';
import { PASS_PERCENT } from '../../lib/pass-percent.ts';

/** Accuracy per domain, strongest first, against the share of correct answers a pass needs. */
export function DomainStrengths({ domains }: { domains: StatsResponse['domains'] }) {
  const sorted = [...domains].sort((a, b) => (b.accuracy ?? -1) - (a.accuracy ?? -1));
  const measured = sorted.filter((d) => d.accuracy !== null);
  const strongest = measured[0];
  const weakest = measured.length > 1 ? measured.at(-1) : undefined;
  return (
    <section className="card" aria-labelledby="domains-heading">
      <h2 id="domains-heading">Strengths and weaknesses by domain</h2>
      {strongest && (
        <p className="muted">
          Strongest: <strong>{strongest.name}</strong>
          {weakest && weakest !== strongest && (
            <>
              {' '}
              · Needs work: <strong>{weakest.name}</strong>
            </>
          )}
        </p>
      )}
      <BarList
        items={sorted.map((d) => ({
          key: d.domain,
          label: d.name,
          value: d.accuracy,
          detail: d.answered > 0 ? `${d.correct} of ${d.answered} correct` : undefined,
          tone: d.accuracy === null ? 'neutral' : d.accuracy >= PASS_PERCENT ? 'good' : 'bad',
        }))}
        marker={{ value: PASS_PERCENT, label: `${Math.round(PASS_PERCENT)}% correct ≈ 720 estimated` }}
      />
    </section>
  );
}
