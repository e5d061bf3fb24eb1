import type { StatsResponse } from '@saa/contract/stats';
import { useNavigate } from 'react-router';
import { useCreateAttempt } from '../../lib/api/create-attempt.ts';
import { useCatalog } from '../../lib/api/get-catalog.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { formatPercent } from '../../lib/format.ts';

/** The sections with the lowest accuracy, each with a one-click practice of that section. */
export function WeakestSections({ sections }: { sections: StatsResponse['weakestSections'] }) {
  const create = useCreateAttempt();
  const navigate = useNavigate();
  const catalog = useCatalog();
  // Ask for no more questions than the section has (unknown until the catalog loads: 10).
  const countFor = (section: string) =>
    Math.max(1, Math.min(10, catalog.data?.sections.find((c) => c.id === section)?.questionCount ?? 10));
  return (
    <section className="card" aria-labelledby="weakest-heading">
      <h2 id="weakest-heading">Weakest sections</h2>
      {sections.length === 0 ? (
        <p className="muted">Answer at least three questions in a section to see how it compares.</p>
      ) : (
        <ol className="weakest-list">
          {sections.map((s) => (
            <li key={s.section}>
              <div>
                <span className="weakest-title">{s.title}</span>
                <span className="muted">
                  {s.accuracy === null ? '–' : formatPercent(s.accuracy)} · {s.correct} of {s.answered} correct
                </span>
              </div>
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={create.isPending}
                aria-label={`Practice ${countFor(s.section)} questions on ${s.title}`}
                onClick={() =>
                  create.mutate(
                    {
                      mode: 'practice',
                      sections: [s.section],
                      questionCount: countFor(s.section),
                      feedback: 'immediate',
                      timeLimitMinutes: null,
                    },
                    { onSuccess: (attempt) => navigate(`/attempts/${attempt.id}`) },
                  )
                }
              >
                Practice
              </button>
            </li>
          ))}
        </ol>
      )}
      {create.isError && (
        <p className="banner banner-bad" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
    </section>
  );
}
