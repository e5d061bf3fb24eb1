import { useState } from 'react';
import { errorMessage } from '../../lib/api-client.ts';
import { useSavedAtPosition } from './api/saved-at-position.ts';

/** "Save question" on an immediate-feedback card, to study it again from the Saved page. */
export function FeedbackSaveStar({ attemptId, position }: { attemptId: string; position: number }) {
  const [saved, setSaved] = useState(false);
  const mutation = useSavedAtPosition(attemptId);
  const toggle = () => {
    const next = !saved;
    setSaved(next);
    mutation.mutate({ position, saved: next }, { onError: () => setSaved(!next) });
  };
  return (
    <p className="feedback-save">
      <button type="button" className="star-button" aria-pressed={saved} disabled={mutation.isPending} onClick={toggle}>
        <span aria-hidden="true">{saved ? '★' : '☆'}</span> {saved ? 'Saved' : 'Save question'}
      </button>
      {mutation.isError && (
        <span className="field-error" role="alert">
          {' '}
          Not saved: {errorMessage(mutation.error)}
        </span>
      )}
    </p>
  );
}
