import { Dialog } from '../../components/dialog.tsx';
import { plural } from '../../lib/format.ts';

interface SubmitDialogProps {
  open: boolean;
  unanswered: number;
  flagged: number;
  pendingSaves: number;
  submitting: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
  onShowUnanswered: (() => void) | null;
}

/** Confirms the submission, saying what is still open, since a submitted attempt cannot be changed. */
export function SubmitDialog({
  open,
  unanswered,
  flagged,
  pendingSaves,
  submitting,
  error,
  onCancel,
  onConfirm,
  onShowUnanswered,
}: SubmitDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title="Submit your answers?"
      actions={
        <>
          <button type="button" className="button button-secondary" onClick={onCancel} data-autofocus>
            Keep working
          </button>
          <button type="button" className="button" onClick={onConfirm} disabled={submitting}>
            {submitting ? 'Submitting…' : 'Submit now'}
          </button>
        </>
      }
    >
      <ul className="submit-summary">
        <li className={unanswered > 0 ? 'summary-warn' : undefined}>
          <strong>{plural(unanswered, 'question')}</strong> unanswered{unanswered > 0 ? ' (they count as wrong)' : ''}
        </li>
        <li className={flagged > 0 ? 'summary-warn' : undefined}>
          <strong>{plural(flagged, 'question')}</strong> flagged for review
        </li>
      </ul>
      {pendingSaves > 0 && <p className="muted">{plural(pendingSaves, 'answer')} will be saved before submitting.</p>}
      <p>After submitting you cannot change your answers.</p>
      {onShowUnanswered && unanswered > 0 && (
        <p>
          <button type="button" className="link-button" onClick={onShowUnanswered}>
            Go to the first unanswered question
          </button>
        </p>
      )}
      {error && (
        <p className="banner banner-bad" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
