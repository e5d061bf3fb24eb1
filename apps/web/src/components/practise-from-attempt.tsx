import type {
  AttemptResponse,
  AttemptResult,
  CreateAttemptRequest,
  FeedbackMode,
  PractiseFromFilter,
} from '@saa/contract/attempts';
import { useNavigate } from 'react-router';
import { useCreateAttempt } from '../lib/api/create-attempt.ts';
import { errorMessage } from '../lib/api-client.ts';
import { calibrationSummary } from '../lib/calibration.ts';
import { plural } from '../lib/format.ts';

/** A finished attempt as far as practising from it goes: the review says as much as the attempt. */
export type PractiseSource = {
  attemptId: string;
  feedback: FeedbackMode;
  timeLimitMinutes: number | null;
  /** How many questions each set would start. */
  counts: Record<Exclude<PractiseFromFilter, 'all'>, number>;
};

/** The practise sets of an attempt read whole (the results page). */
export function practiseSourceOf(attempt: AttemptResponse, result: AttemptResult): PractiseSource {
  const { sureButWrong, rightButGuessed } = calibrationSummary(result);
  return {
    attemptId: attempt.id,
    feedback: attempt.feedback,
    timeLimitMinutes: attempt.deadline
      ? Math.round((Date.parse(attempt.deadline) - Date.parse(attempt.startedAt)) / 60_000)
      : null,
    counts: {
      wrong: result.wrong,
      missed: result.wrong + result.unanswered,
      flagged: attempt.questions.filter((q) => q.answer?.flagged).length,
      'sure-wrong': sureButWrong,
      guessed: rightButGuessed,
    },
  };
}

/**
 * Practise exactly the questions of a finished attempt: the wrong ones, all missed ones (wrong or
 * unanswered), the flagged ones (untimed, with the answer after each), or the whole attempt again
 * as it ran (same time limit and feedback).
 */
export function PractiseFromAttempt({ source }: { source: PractiseSource }) {
  const navigate = useNavigate();
  const create = useCreateAttempt();
  const { counts, timeLimitMinutes: minutes } = source;

  const start = (filter: PractiseFromFilter) => {
    const retake = filter === 'all';
    const request: CreateAttemptRequest = {
      mode: 'practice',
      from: { attemptId: source.attemptId, filter },
      feedback: retake ? source.feedback : 'immediate',
      timeLimitMinutes: retake ? minutes : null,
    };
    create.mutate(request, { onSuccess: (started) => navigate(`/attempts/${started.id}`) });
  };

  const choices: { filter: PractiseFromFilter; label: string; show: boolean }[] = [
    { filter: 'wrong', label: `Practise the ${plural(counts.wrong, 'wrong question')}`, show: counts.wrong > 0 },
    // The same questions as "wrong" when nothing went unanswered.
    {
      filter: 'missed',
      label: `Practise all ${plural(counts.missed, 'missed question')}`,
      show: counts.missed > counts.wrong,
    },
    {
      filter: 'flagged',
      label: `Practise the ${plural(counts.flagged, 'flagged question')}`,
      show: counts.flagged > 0,
    },
    {
      filter: 'sure-wrong',
      label: `Practise the ${plural(counts['sure-wrong'], 'sure-but-wrong question')}`,
      show: counts['sure-wrong'] > 0,
    },
    {
      filter: 'guessed',
      label: `Practise the ${plural(counts.guessed, 'right-but-guessed question')}`,
      show: counts.guessed > 0,
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
