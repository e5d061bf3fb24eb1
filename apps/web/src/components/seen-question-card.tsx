import type { SeenQuestion } from '@saa/contract/saved';
import type { ReactNode } from 'react';
import { DocReferences } from './doc-references.tsx';
import './seen-question-card.css';
import { OptionLabel } from './option-label.tsx';

/** A question whose answer the user has seen: stem, options with the key marked, rationales, explanation. */
export function SeenQuestionCard({
  question,
  highlight,
  children,
}: {
  question: SeenQuestion;
  /** Words to mark in the text (search). */
  highlight?: string[];
  /** Tools shown in the card's header (save, note, remove). */
  children?: ReactNode;
}) {
  const mark = (text: string) => <Highlighted text={text} words={highlight ?? []} />;
  return (
    <article className="card seen-question" aria-labelledby={`sq-${question.questionId}`}>
      <header className="seen-question-header">
        <h2 id={`sq-${question.questionId}`} className="seen-question-topic">
          {question.sectionTitle}
        </h2>
        <span className="muted small">{question.style === 'scenario' ? 'Scenario' : 'Quick check'}</span>
        {children}
      </header>
      <p className="stem">{mark(question.stem)}</p>
      <ul className="review-options">
        {question.options.map((option, index) => (
          <li key={option.id} className={`review-option ${option.correct ? 'review-option-correct' : ''}`}>
            <div className="review-option-head">
              <OptionLabel index={index} className="review-option-text">
                {mark(option.text)}
              </OptionLabel>
            </div>
            {option.correct && (
              <div className="review-option-tags">
                <span className="tag tag-correct">✓ Correct answer</span>
              </div>
            )}
            <p className="rationale">{option.rationale}</p>
          </li>
        ))}
      </ul>
      <div className="explanation-block">
        <h3>Explanation</h3>
        <p className="explanation">{mark(question.explanation)}</p>
      </div>
      {question.correction && (
        <aside className="correction" aria-label="Correction to older study material">
          <strong>Older study material says otherwise:</strong> {question.correction}
        </aside>
      )}
      <DocReferences urls={question.references} />
    </article>
  );
}

function Highlighted({ text, words }: { text: string; words: string[] }) {
  const wanted = words.filter((w) => w.length >= 2).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (wanted.length === 0) return <>{text}</>;
  const parts = text.split(new RegExp(`(${wanted.join('|')})`, 'gi'));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order, never reordered
          <mark key={i}>{part}</mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
