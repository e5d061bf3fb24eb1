import type { AttemptQuestion } from '@saa/contract/attempts';
import type { AnswerState } from './use-exam-session.ts';

interface NavigatorProps {
  questions: AttemptQuestion[];
  answers: Map<number, AnswerState>;
  current: number;
  onGo: (position: number) => void;
}

export function isAnswered(question: AttemptQuestion, answer: AnswerState | undefined) {
  return (answer?.selected.length ?? 0) >= question.choose;
}

/** Every question at a glance: answered, unanswered, flagged and the current one; click to jump. */
export function QuestionNavigator({ questions, answers, current, onGo }: NavigatorProps) {
  const answered = questions.filter((q) => isAnswered(q, answers.get(q.position))).length;
  const flagged = questions.filter((q) => answers.get(q.position)?.flagged).length;
  return (
    <nav className="navigator" aria-label="Questions">
      <h2 className="navigator-title">
        Questions{' '}
        <span className="muted">
          {answered} of {questions.length} answered{flagged > 0 ? ` · ${flagged} flagged` : ''}
        </span>
      </h2>
      <ol className="navigator-grid">
        {questions.map((q) => {
          const answer = answers.get(q.position);
          const done = isAnswered(q, answer);
          const partial = !done && (answer?.selected.length ?? 0) > 0;
          const state = [
            done ? 'answered' : partial ? 'partly answered' : 'unanswered',
            answer?.flagged ? 'flagged' : null,
          ]
            .filter(Boolean)
            .join(', ');
          return (
            <li key={q.position}>
              <button
                type="button"
                className={`nav-cell ${done ? 'nav-answered' : partial ? 'nav-partial' : ''} ${answer?.flagged ? 'nav-flagged' : ''} ${q.position === current ? 'nav-current' : ''}`}
                aria-current={q.position === current ? 'step' : undefined}
                aria-label={`Question ${q.position}, ${state}`}
                onClick={() => onGo(q.position)}
              >
                {q.position}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="navigator-legend" aria-hidden="true">
        <li>
          <span className="nav-cell nav-answered legend-swatch" /> Answered
        </li>
        <li>
          <span className="nav-cell legend-swatch" /> Unanswered
        </li>
        <li>
          <span className="nav-cell nav-flagged legend-swatch" /> Flagged
        </li>
        <li>
          <span className="nav-cell nav-current legend-swatch" /> Current
        </li>
      </ul>
    </nav>
  );
}
