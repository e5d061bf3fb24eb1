import type { AnswerFeedback, AttemptQuestion } from '@saa/contract/attempts';
import { type KeyboardEvent, type Ref, useRef } from 'react';
import { OptionLabel } from '../../components/option-label.tsx';
import { ReportQuestion } from '../../components/report-question.tsx';
import { FeedbackPanel } from './feedback-panel.tsx';
import { FeedbackSaveStar } from './feedback-save-star.tsx';
import type { AnswerState } from './use-exam-session.ts';

const COUNT_WORD: Record<number, string> = { 2: 'TWO', 3: 'THREE' };

interface QuestionViewProps {
  attemptId: string;
  question: AttemptQuestion;
  total: number;
  answer: AnswerState | undefined;
  /** Immediate feedback: the verdict once the answer is complete. */
  immediate: boolean;
  feedback: AnswerFeedback | undefined;
  /** True while the complete answer waits to reach the server (feedback comes with the reply). */
  awaitingFeedback: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  /** An option was clicked or its shortcut pressed; the runner decides what that means. */
  onChoose: (optionId: string) => void;
  /** Why a click did nothing (e.g. too many options), announced politely. */
  limitMessage: string;
}

/** Whether choosing this option makes a valid next selection, and what that selection is. */
export function nextSelection(
  question: AttemptQuestion,
  current: string[],
  optionId: string,
): { selected: string[] } | { refused: string } {
  if (question.choose === 1) return { selected: [optionId] };
  if (current.includes(optionId)) return { selected: current.filter((id) => id !== optionId) };
  if (current.length >= question.choose) {
    return {
      refused: `You can choose only ${COUNT_WORD[question.choose] ?? question.choose} options. Clear one before choosing another.`,
    };
  }
  return { selected: [...current, optionId] };
}

export function QuestionView({
  attemptId,
  question,
  total,
  answer,
  immediate,
  feedback,
  awaitingFeedback,
  headingRef,
  onChoose,
  limitMessage,
}: QuestionViewProps) {
  const selected = answer?.selected ?? [];
  const multiple = question.choose > 1;
  const complete = selected.length === question.choose;
  const locked = immediate && complete;
  // Feedback that arrives while the question is on screen is announced and focused; feedback
  // restored after a reload is simply shown.
  const hadFeedback = useRef(feedback !== undefined);

  // In immediate mode choosing is final, so arrow keys must not choose as they do in a native
  // radio group: they only move focus, and Space chooses.
  const onOptionsKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (!immediate || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'radio') return;
    event.preventDefault();
    const inputs = [...event.currentTarget.querySelectorAll<HTMLInputElement>('input')];
    const next = inputs[inputs.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1)];
    next?.focus();
  };
  const instruction = multiple
    ? `Choose ${COUNT_WORD[question.choose] ?? question.choose} answers · ${selected.length} of ${question.choose} chosen`
    : 'Choose one answer';

  return (
    <article className="question" aria-labelledby={`q-${question.position}-heading`}>
      <header className="question-header">
        <h1 id={`q-${question.position}-heading`} ref={headingRef} tabIndex={-1} className="question-number">
          Question {question.position} <span className="muted">of {total}</span>
        </h1>
        {answer?.flagged && <span className="pill pill-flag">Flagged for review</span>}
      </header>
      <p className="stem">{question.stem}</p>
      <fieldset className="options" aria-describedby={`q-${question.position}-limit`} onKeyDown={onOptionsKeyDown}>
        <legend className={multiple ? 'options-legend options-legend-multi' : 'options-legend'}>{instruction}</legend>
        {question.options.map((option, index) => {
          const checked = selected.includes(option.id);
          const verdict = feedback
            ? feedback.correctOptionIds.includes(option.id)
              ? 'correct'
              : checked
                ? 'wrong'
                : ''
            : '';
          return (
            <label
              key={`${question.position}-${option.id}`}
              className={`option ${checked ? 'option-checked' : ''} ${verdict ? `option-${verdict}` : ''} ${locked ? 'option-locked' : ''}`}
            >
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={`question-${question.position}`}
                value={option.id}
                checked={checked}
                disabled={locked}
                onChange={() => onChoose(option.id)}
              />
              <OptionLabel index={index} className="option-text">
                {option.text}
                {verdict === 'correct' && <span className="option-verdict"> Correct answer</span>}
                {verdict === 'wrong' && <span className="option-verdict"> Your answer, incorrect</span>}
              </OptionLabel>
            </label>
          );
        })}
      </fieldset>
      <p id={`q-${question.position}-limit`} className="limit-message" aria-live="polite">
        {limitMessage}
      </p>
      {immediate && !complete && (
        <p className="muted immediate-hint">
          You will see whether you are right as soon as you choose{' '}
          {multiple ? `${question.choose} options` : 'an option'}; the answer then locks.
        </p>
      )}
      {immediate && complete && !feedback && (
        <p className="banner" role="status">
          {awaitingFeedback
            ? 'Your answer is saved on this device. The verdict appears once it reaches the server.'
            : 'Checking your answer…'}
        </p>
      )}
      {feedback && <FeedbackPanel feedback={feedback} options={question.options} announce={!hadFeedback.current} />}
      {feedback && <FeedbackSaveStar key={question.position} attemptId={attemptId} position={question.position} />}
      {feedback && (
        <ReportQuestion key={`report-${question.position}`} target={{ attemptId, position: question.position }} />
      )}
    </article>
  );
}
