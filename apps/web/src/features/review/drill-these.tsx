import type { CreateAttemptRequest, ReviewItem } from '@saa/contract/attempts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCreateAttempt } from '../../lib/api/create-attempt.ts';
import { ApiError, errorMessage } from '../../lib/api-client.ts';
import { plural } from '../../lib/format.ts';

/**
 * "Drill these": the contract has no way to start an attempt from given question ids. Missed
 * questions, though, are scheduled for spaced review when an attempt is scored, so this starts a
 * drill of the due questions. FSRS makes a just-missed question due only after a short learning
 * step, so when nothing is due yet it falls back to a practice (immediate feedback) on the
 * sections of the missed questions, as many questions as were missed.
 */
export function DrillThese({ wrong }: { wrong: ReviewItem[] }) {
  const navigate = useNavigate();
  const create = useCreateAttempt();
  const [note, setNote] = useState('');
  const count = Math.min(130, wrong.length);

  const start = async () => {
    setNote('');
    const drill: CreateAttemptRequest = { mode: 'drill', questionCount: count, feedback: 'immediate' };
    try {
      const attempt = await create.mutateAsync(drill);
      navigate(`/attempts/${attempt.id}`);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) return;
      const sections = [...new Set(wrong.map((w) => w.section))];
      setNote('None of your missed questions is due for a drill yet; starting a practice on their sections instead.');
      try {
        const attempt = await create.mutateAsync({
          mode: 'practice',
          sections,
          questionCount: count,
          feedback: 'immediate',
          timeLimitMinutes: null,
        });
        navigate(`/attempts/${attempt.id}`);
      } catch (fallbackError) {
        setNote(errorMessage(fallbackError));
      }
    }
  };

  if (wrong.length === 0) return null;
  return (
    <div className="drill-these">
      <button type="button" className="button" disabled={create.isPending} onClick={() => void start()}>
        {create.isPending ? 'Starting…' : `Drill these (${plural(count, 'question')})`}
      </button>
      <p className="muted small">
        Missed questions come back in spaced drills. If none is due yet, you get a practice on the same sections.
      </p>
      {create.isError && !(create.error instanceof ApiError && create.error.status === 409) && (
        <p className="banner banner-bad" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      {note && (
        <p className="banner" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
