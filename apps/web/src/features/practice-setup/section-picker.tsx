import type { CatalogResponse } from '@saa/contract/catalog';
import { DOMAINS } from '@saa/contract/constants';
import { useId, useState } from 'react';

interface SectionPickerProps {
  sections: CatalogResponse['sections'];
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
}

/** A filterable checklist of the notes sections; the list is long, so a search box narrows it. */
export function SectionPicker({ sections, selected, onChange, error }: SectionPickerProps) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const visible = needle ? sections.filter((s) => s.title.toLowerCase().includes(needle)) : sections;
  const toggle = (section: string) =>
    onChange(selected.includes(section) ? selected.filter((s) => s !== section) : [...selected, section]);

  return (
    <fieldset className="card section-picker">
      <legend>Sections</legend>
      <div className="section-picker-tools">
        <label htmlFor={`${id}-filter`} className="visually-hidden">
          Filter sections
        </label>
        <input
          id={`${id}-filter`}
          type="search"
          placeholder="Filter sections, e.g. S3"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted" aria-live="polite">
          {selected.length === 0 ? 'None chosen: all sections' : `${selected.length} chosen`}
        </span>
        {selected.length > 0 && (
          <button type="button" className="button button-small button-secondary" onClick={() => onChange([])}>
            Clear
          </button>
        )}
      </div>
      {visible.length === 0 ? (
        <p className="muted">No section matches “{filter}”.</p>
      ) : (
        // Grouped under the domain most of each section's questions belong to.
        [...DOMAINS.map((d) => ({ id: d.id as string | null, name: d.name })), { id: null, name: 'Other' }].map(
          (group) => {
            const inGroup = visible.filter((s) => s.domain === group.id);
            if (inGroup.length === 0) return null;
            return (
              <fieldset key={group.name} className="section-group">
                <legend className="section-group-title">{group.name}</legend>
                <div className="section-list">
                  {inGroup.map((s) => (
                    <label key={s.id} className="choice choice-compact">
                      <input type="checkbox" checked={selected.includes(s.id)} onChange={() => toggle(s.id)} />
                      <span>
                        {s.title} <span className="muted">({s.questionCount})</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          },
        )
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
