import { REPORT_REASON_LABEL } from '@saa/contract/constants';
import type { ReportReason } from '@saa/contract/reports';
import { useId, useState } from 'react';
import { type ReportTarget, useReportQuestion } from '../lib/api/report-question.ts';
import { errorMessage } from '../lib/api-client.ts';
import { ChoiceGroup } from './choice-group.tsx';
import { Dialog } from './dialog.tsx';

const REASONS = (Object.entries(REPORT_REASON_LABEL) as [ReportReason, string][]).map(([value, label]) => ({
  value,
  label,
}));

/**
 * "Report a problem" for one question: a wrong key, outdated facts, unclear wording, a typo. Reports
 * go to the bank's authors; one stays open per question until the bank is corrected.
 */
export function ReportQuestion({ target }: { target: ReportTarget }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('wrong_key');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const report = useReportQuestion();
  const textId = useId();
  const needsText = reason === 'other' && text.trim() === '';

  const close = () => {
    setOpen(false);
    report.reset();
  };
  const submit = () =>
    report.mutate(
      { target, request: { reason, text } },
      {
        onSuccess: () => {
          setSent(true);
          setOpen(false);
        },
      },
    );

  if (sent) {
    return (
      <p className="muted small report-sent" role="status">
        Thanks: your report is with the question's authors.
      </p>
    );
  }
  return (
    <>
      <button type="button" className="link-button report-button" onClick={() => setOpen(true)}>
        Report a problem
      </button>
      <Dialog
        open={open}
        onClose={close}
        title="Report a problem with this question"
        actions={
          <>
            <button type="button" className="button button-secondary" onClick={close} data-autofocus>
              Cancel
            </button>
            <button type="button" className="button" onClick={submit} disabled={report.isPending || needsText}>
              Send report
            </button>
          </>
        }
      >
        <ChoiceGroup
          name={`reason-${textId}`}
          label="What is wrong?"
          choices={REASONS}
          value={reason}
          onChange={setReason}
        />
        <label htmlFor={textId} className="field-label">
          Details {reason === 'other' ? '(needed)' : '(optional)'}
        </label>
        <textarea
          id={textId}
          className="textarea"
          rows={4}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="What should it say, and where did you read it?"
        />
        {report.isError && (
          <p className="banner banner-bad" role="alert">
            {errorMessage(report.error)}
          </p>
        )}
      </Dialog>
    </>
  );
}
