import type { AttemptResponse, CreateAttemptRequest, PractiseFromFilter } from '@saa/contract/attempts';
import { useNavigate } from 'react-router';
import { useCreateAttempt } from '../lib/api/create-attempt.ts';
import { errorMessage } from '../lib/api-client.ts';
import { calibrationSummary } from '../lib/calibration.ts';
import { plural } from '../lib/format.ts';

/**
 * Practise exactly the questions of a finished attempt: the wrong ones, all missed ones (wrong or
 * unanswered), the flagged ones (untimed, with the answer after each), or the whole attempt again
 * as it ran (same time limit and feedback).
 */
export function PractiseFromAttempt({ attempt }: { attempt: AttemptResponse }) {
  const navigate = useNavigate();
  const create = useCreateAttempt();
  const result = attempt.result;
  if (!result) return null;
  const flagged = attempt.questions.filter((q) => q.answer?.flagged).length;
  const missed = result.wrong + result.unanswered;
  const { sureButWrong, rightButGuessed } = calibrationSummary(result);
  const minutes = attempt.deadline
    ? Math.round((Date.parse(attempt.deadline) - Date.parse(attempt.startedAt)) / 60_000)
    : null;

  const start = (filter: PractiseFromFilter) => {
    const retake = filter === 'all';
    const request: CreateAttemptRequest = {
      mode: 'practice',
      from: { attemptId: attempt.id, filter },
      feedback: retake ? attempt.feedback : 'immediate',
      timeLimitMinutes: retake ? minutes : null,
    };
    create.mutate(request, { onSuccess: (started) => navigate(`/attempts/${started.id}`) });
  };

  const choices: { filter: PractiseFromFilter; label: string; show: boolean }[] = [
    { filter: 'wrong', label: `Practise the ${plural(result.wrong, 'wrong question')}`, show: result.wrong > 0 },
    // The same questions as "wrong" when nothing went unanswered.
    { filter: 'missed', label: `Practise all ${plural(missed, 'missed question')}`, show: result.unanswered > 0 },
    { filter: 'flagged', label: `Practise the ${plural(flagged, 'flagged question')}`, show: flagged > 0 },
    {
      filter: 'sure-wrong',
      label: `Practise the ${plural(sureButWrong, 'sure-but-wrong question')}`,
      show: sureButWrong > 0,
    },
    {
      filter: 'guessed',
      label: `Practise the ${plural(rightButGuessed, 'right-but-guessed question')}`,
      show: rightButGuessed > 0,
    },
    { filter: 'all', label: 'Retake this test', show: true },
  ];
  return (
    <div className="practise-from">
      <div className="actions">
        {choices
          .filter((c) => c.show)
          .map((c) => (
            <button
              key={c.filter}
              type="button"
              className={c.filter === 'all' ? 'button button-secondary' : 'button'}
              disabled={create.isPending}
              onClick={() => start(c.filter)}
            >
              {c.label}
            </button>
          ))}
      </div>
      <p className="muted small">
        These sets run untimed and show the answer after each question; a retake runs like the original
        {minutes ? ` (${minutes} minutes)` : ''}.
      </p>
      {create.isError && (
        <p className="banner banner-bad" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
    </div>
  );
}
