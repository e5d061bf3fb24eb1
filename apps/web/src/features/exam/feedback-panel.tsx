import type { AnswerFeedback, AttemptQuestion } from '@saa/contract/attempts';
import { useEffect, useRef } from 'react';
import { DocReferences } from '../../components/doc-references.tsx';
import { optionLetter } from '../../components/option-label.tsx';

interface FeedbackPanelProps {
  feedback: AnswerFeedback;
  options: AttemptQuestion['options'];
  /** Just answered: move focus here (the chosen option was disabled, so focus would be lost). */
  announce: boolean;
}

/** Immediate-feedback practice: the verdict, the right options and why each option is right or wrong. */
export function FeedbackPanel({ feedback, options, announce }: FeedbackPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (announce) headingRef.current?.focus();
  }, [announce]);
  const letterOf = (id: string) => {
    const index = options.findIndex((o) => o.id === id);
    return index < 0 ? id : optionLetter(index);
  };
  const correctLetters = options
    .map((o, i) => (feedback.correctOptionIds.includes(o.id) ? optionLetter(i) : null))
    .filter(Boolean)
    .join(', ');
  return (
    <section
      className={`feedback ${feedback.correct ? 'feedback-good' : 'feedback-bad'}`}
      aria-labelledby="feedback-heading"
    >
      <h2 id="feedback-heading" className="feedback-verdict" ref={headingRef} tabIndex={-1}>
        {feedback.correct ? 'Correct' : 'Incorrect'}
        <span className="feedback-answer">
          {' '}
          · Correct {feedback.correctOptionIds.length > 1 ? 'answers' : 'answer'}: {correctLetters}
        </span>
      </h2>
      <h3>Explanation</h3>
      <p className="explanation">{feedback.explanation}</p>
      <h3>Why each option is right or wrong</h3>
      <ul className="rationales">
        {options.map((option) => {
          const rationale = feedback.rationales.find((r) => r.optionId === option.id)?.rationale;
          const correct = feedback.correctOptionIds.includes(option.id);
          return (
            <li key={option.id} className={correct ? 'rationale-correct' : undefined}>
              <strong>
                {letterOf(option.id)}. {correct ? 'Correct' : 'Incorrect'}:
              </strong>{' '}
              {rationale ?? 'No rationale recorded.'}
            </li>
          );
        })}
      </ul>
      <DocReferences urls={feedback.references} />
    </section>
  );
}
