import { useState } from 'react';
import { useSavedList } from '../../lib/api/list-saved.ts';
import { useSaveQuestion } from '../../lib/api/save-question.ts';
import { useUnsaveQuestion } from '../../lib/api/unsave-question.ts';
import { errorMessage } from '../../lib/api-client.ts';

/** A star that keeps the question in "Saved", with a private note once saved. */
export function SaveToggle({ questionId, saved: initiallySaved }: { questionId: string; saved: boolean }) {
  const [saved, setSaved] = useState(initiallySaved);
  const savedList = useSavedList();
  const stored = savedList.data?.items.find((i) => i.questionId === questionId)?.note ?? '';
  const [draft, setDraft] = useState<string | null>(null);
  const note = draft ?? stored;
  const [noteSaved, setNoteSaved] = useState(false);
  const save = useSaveQuestion();
  const unsave = useUnsaveQuestion();
  const busy = save.isPending || unsave.isPending;
  const toggle = () => {
    const next = !saved;
    setSaved(next);
    const rollback = { onError: () => setSaved(!next) };
    if (next) save.mutate({ questionId }, rollback);
    else unsave.mutate(questionId, rollback);
  };
  const error = save.error ?? unsave.error;
  return (
    <span className="save-toggle">
      <button type="button" className="star-button no-print" aria-pressed={saved} disabled={busy} onClick={toggle}>
        <span aria-hidden="true">{saved ? '★' : '☆'}</span> {saved ? 'Saved' : 'Save question'}
      </button>
      {saved && (
        <span className="save-note no-print">
          <label>
            <span className="visually-hidden">Note for this question</span>
            <input
              type="text"
              maxLength={2000}
              placeholder="Add a note"
              value={note}
              onChange={(e) => {
                setDraft(e.target.value);
                setNoteSaved(false);
              }}
              onBlur={() => {
                // Only a changed note is sent: an untouched field must not clear the stored one.
                if (draft === null || draft === stored) return;
                save.mutate({ questionId, note: draft }, { onSuccess: () => setNoteSaved(true) });
              }}
            />
          </label>
          {noteSaved && <span className="muted small"> Note saved</span>}
        </span>
      )}
      {(save.isError || unsave.isError) && (
        <span className="field-error" role="alert">
          {errorMessage(error)}
        </span>
      )}
    </span>
  );
}
