import type { ReactNode } from 'react';

/** Options are labelled by their place on screen (the order is shuffled per attempt), as on the exam. */
const LETTERS = 'ABCDEF';

export function optionLetter(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

/**
 * An option's letter and text, as the runner, the review and saved questions show them: the letter
 * is drawn in its badge and read out once, before the text ("B. ...").
 */
export function OptionLabel({ index, className, children }: { index: number; className: string; children: ReactNode }) {
  const letter = optionLetter(index);
  return (
    <>
      <span className="option-letter" aria-hidden="true">
        {letter}
      </span>
      <span className={className}>
        <span className="visually-hidden">{letter}. </span>
        {children}
      </span>
    </>
  );
}
