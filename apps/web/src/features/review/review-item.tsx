import type { ReviewItem as Item } from '@saa/contract/attempts';
import { memo } from 'react';
import { DocReferences } from '../../components/doc-references.tsx';
import { OptionLabel, optionLetter } from '../../components/option-label.tsx';
import { ReportQuestion } from '../../components/report-question.tsx';
import { formatDuration } from '../../lib/format.ts';
import { SaveToggle } from './save-toggle.tsx';
import { VERDICT_LABEL, VERDICT_SYMBOL, verdictOf } from './verdict.ts';

/**
 * One reviewed question: the user's answer beside the key, every option's rationale and the explanation.
 * Memoized: the page draws its cards a few at a time, and those already drawn need not render again.
 */
export const ReviewItem = memo(function ReviewItem({
  item,
  expanded,
  onToggle,
}: {
  item: Item;
  expanded: boolean;
  onToggle: (position: number) => void;
}) {
  const verdict = verdictOf(item);
  const yours = item.options
    .map((o, i) => (item.selected.includes(o.id) ? optionLetter(i) : null))
    .filter(Boolean)
    .join(', ');
  const key = item.options
    .map((o, i) => (o.correct ? optionLetter(i) : null))
    .filter(Boolean)
    .join(', ');
  return (
    <article
      className={`card review-item review-${verdict}`}
      id={`question-${item.position}`}
      aria-labelledby={`rq-${item.position}`}
    >
      <header className="review-item-header">
        <h2 id={`rq-${item.position}`} tabIndex={-1}>
          Question {item.position}
        </h2>
        <span className={`pill ${verdict === 'correct' ? 'pill-good' : 'pill-bad'}`}>
          <span aria-hidden="true">{VERDICT_SYMBOL[verdict]} </span>
          {VERDICT_LABEL[verdict]}
        </span>
        {item.flagged && <span className="pill pill-flag">⚑ Flagged</span>}
        {item.seconds !== null && <span className="muted small">Time spent: {formatDuration(item.seconds)}</span>}
        <span className="review-item-tools">
          <SaveToggle questionId={item.questionId} saved={item.saved} />
          <button
            type="button"
            className="link-button no-print"
            aria-expanded={expanded}
            aria-controls={`rd-${item.position}`}
            onClick={() => onToggle(item.position)}
          >
            {expanded ? 'Hide details' : 'Show details'}
          </button>
        </span>
      </header>
      <p className="review-section muted">Topic: {item.sectionTitle}</p>
      <p className={expanded ? 'stem' : 'stem stem-clamped'}>{item.stem}</p>
      <div id={`rd-${item.position}`} className="review-details" hidden={!expanded}>
        <p className="answer-compare">
          <span>
            Your answer: <strong>{yours || 'none'}</strong>
          </span>
          <span>
            Correct answer: <strong>{key}</strong>
          </span>
        </p>
        <ul className="review-options">
          {item.options.map((option, index) => {
            const chosen = item.selected.includes(option.id);
            return (
              <li
                key={option.id}
                className={`review-option ${option.correct ? 'review-option-correct' : ''} ${chosen && !option.correct ? 'review-option-wrong' : ''}`}
              >
                <div className="review-option-head">
                  <OptionLabel index={index} className="review-option-text">
                    {option.text}
                  </OptionLabel>
                </div>
                <div className="review-option-tags">
                  {chosen && <span className="tag tag-yours">Your answer</span>}
                  {option.correct && <span className="tag tag-correct">Correct answer</span>}
                </div>
                <p className="rationale">{option.rationale}</p>
              </li>
            );
          })}
        </ul>
        <div className="explanation-block">
          <h3>Explanation</h3>
          <p className="explanation">{item.explanation}</p>
        </div>
        {item.correction && (
          <aside className="correction" aria-label="Correction to older study material">
            <strong>Older study material says otherwise:</strong> {item.correction}
          </aside>
        )}
        <DocReferences urls={item.references} />
        <div className="no-print">
          <ReportQuestion target={{ questionId: item.questionId }} />
        </div>
      </div>
    </article>
  );
});
