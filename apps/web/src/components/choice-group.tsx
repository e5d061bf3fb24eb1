import type { ReactNode } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  /** A muted line under the label, read with it as the option's name. */
  detail?: ReactNode;
}

/** A group of radio buttons shown as labelled choices. */
export function ChoiceGroup<T extends string>({
  name,
  label,
  choices,
  value,
  onChange,
  className = 'choice-grid',
}: {
  name: string;
  /** The group's name for assistive technology (the fieldset's legend usually says it on screen). */
  label: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}) {
  return (
    <div className={className} role="radiogroup" aria-label={label}>
      {choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input type="radio" name={name} checked={value === choice.value} onChange={() => onChange(choice.value)} />
          <span>
            {choice.label}
            {choice.detail !== undefined && <span className="muted choice-detail">{choice.detail}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}
