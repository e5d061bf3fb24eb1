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
  /** Steps through the flagged questions, one after another. */
  onReviewFlagged: (() => void) | null;
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
  onReviewFlagged,
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
      {(onReviewFlagged && flagged > 0) || (onShowUnanswered && unanswered > 0) ? (
        <p className="submit-walk">
          {onReviewFlagged && flagged > 0 && (
            <button type="button" className="button button-small button-secondary" onClick={onReviewFlagged}>
              Review flagged ({flagged})
            </button>
          )}{' '}
          {onShowUnanswered && unanswered > 0 && (
            <button type="button" className="button button-small button-secondary" onClick={onShowUnanswered}>
              Go to unanswered ({unanswered})
            </button>
          )}
        </p>
      ) : null}
      {error && (
        <p className="banner banner-bad" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
