import type { Confidence } from '@saa/contract/attempts';

const LEVELS: { value: Confidence; label: string; key: string }[] = [
  { value: 'sure', label: 'Sure', key: 'S' },
  { value: 'unsure', label: 'Unsure', key: 'U' },
  { value: 'guess', label: 'Guess', key: 'G' },
];

/**
 * "How sure are you?" for the question on screen. Optional; the results then show whether the
 * candidate's confidence can be trusted, and right answers marked as guesses come back in the drill.
 */
export function ConfidencePicker({
  value,
  onChange,
  disabled,
  immediate,
}: {
  value: Confidence | null;
  onChange: (level: Confidence) => void;
  disabled: boolean;
  immediate: boolean;
}) {
  return (
    <fieldset className="confidence-picker">
      <legend className="confidence-label">How sure are you?</legend>
      <div className="confidence-buttons">
        {LEVELS.map((level) => (
          <button
            key={level.value}
            type="button"
            className={`button button-secondary button-small ${value === level.value ? 'is-chosen' : ''}`}
            aria-pressed={value === level.value}
            aria-keyshortcuts={level.key}
            disabled={disabled}
            onClick={() => onChange(level.value)}
          >
            {level.label}{' '}
            <span className="key-hint" aria-hidden="true">
              {level.key}
            </span>
          </button>
        ))}
      </div>
      {immediate && !disabled && (
        <span className="muted small confidence-hint">Say it before answering: the answer locks once checked.</span>
      )}
    </fieldset>
  );
}
