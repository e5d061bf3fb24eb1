interface WalkBarProps {
  kind: 'flagged' | 'unanswered';
  positions: number[];
  current: number;
  onGo: (position: number) => void;
  onBackToSubmit: () => void;
  onStop: () => void;
}

/** Steps through the flagged (or unanswered) questions chosen in the submit dialog, wrapping around. */
export function WalkBar({ kind, positions, current, onGo, onBackToSubmit, onStop }: WalkBarProps) {
  const index = positions.indexOf(current);
  const next = positions[(index + 1) % positions.length] ?? positions[0];
  const label = kind === 'flagged' ? 'Flagged question' : 'Unanswered question';
  return (
    <section className="walk-bar" aria-label={`${label}s`}>
      <span aria-live="polite">
        {index >= 0 ? `${label} ${index + 1} of ${positions.length}` : `${positions.length} ${kind} questions`}
      </span>
      {positions.length > 1 && next !== undefined && (
        <button type="button" className="button button-small" onClick={() => onGo(next)}>
          Next {kind}
        </button>
      )}
      <button type="button" className="button button-small button-secondary" onClick={onBackToSubmit}>
        Back to submit
      </button>
      <button type="button" className="link-button" onClick={onStop}>
        Stop
      </button>
    </section>
  );
}
