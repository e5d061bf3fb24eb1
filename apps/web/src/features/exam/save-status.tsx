import { useEffect, useRef, useState } from 'react';
import type { SyncStatus } from './answer-queue.ts';

const TEXT: Record<SyncStatus['kind'], string> = {
  saved: 'All answers saved',
  saving: 'Saving…',
  offline: 'Offline: answers kept on this device, retrying',
  'signed-out': 'Signed out: answers kept on this device',
  closed: 'Time is up: answers are no longer accepted',
  missing: 'Not found on the server: answers kept on this device',
};

/**
 * The autosave state, always visible, so nobody wonders whether an answer was kept. Screen
 * readers hear only the changes that matter (going offline, coming back), not "Saving…" after
 * every click.
 */
export function SaveStatus({ status, pending }: { status: SyncStatus; pending: number }) {
  const text =
    status.kind === 'offline' && pending > 0
      ? `Offline: ${pending} ${pending === 1 ? 'answer' : 'answers'} kept on this device, retrying`
      : TEXT[status.kind];
  const [announcement, setAnnouncement] = useState('');
  const troubled = useRef(false);
  useEffect(() => {
    if (status.kind !== 'saved' && status.kind !== 'saving') {
      if (!troubled.current) setAnnouncement(TEXT[status.kind]);
      troubled.current = true;
    } else if (status.kind === 'saved' && troubled.current) {
      troubled.current = false;
      setAnnouncement('Back online: all answers saved');
    }
  }, [status.kind]);

  return (
    <span className={`save-status save-${status.kind}`} data-state={status.kind}>
      <span className="save-dot" aria-hidden="true" />
      {text}
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </span>
  );
}
