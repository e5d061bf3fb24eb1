import type { Confidence, SaveAnswerRequest, SaveAnswerResponse, SavedAnswer } from '@saa/contract/attempts';
import { ApiError, isRetryable } from '../../lib/api-client.ts';
import { type AttemptLocalState, loadLocalState, type PendingAnswer, updateLocalState } from './attempt-store.ts';

export type SyncStatus =
  | { kind: 'saved' }
  | { kind: 'saving' }
  /** The network or server failed; everything is kept locally and retried at `retryAt` (Date.now()). */
  | { kind: 'offline'; retryAt: number }
  /** The session ended: answers stay queued until the user signs in again. */
  | { kind: 'signed-out' }
  /** The server no longer accepts answers (time is up or the attempt was submitted elsewhere). */
  | { kind: 'closed' }
  /**
   * The server does not know this attempt (404): another account signed in, or it was deleted.
   * Unsent answers are kept on this device, never discarded, and nothing more is sent.
   */
  | { kind: 'missing' };

export interface AnswerQueueCallbacks {
  send: (position: number, body: SaveAnswerRequest) => Promise<SaveAnswerResponse>;
  onSaved: (response: SaveAnswerResponse, sent: PendingAnswer) => void;
  /** The server refused this answer for good (e.g. locked after immediate feedback). */
  onRejected: (position: number) => void;
  onClosed: () => void;
  onUnauthorized: () => void;
  /** The server does not know the attempt: keep the answers, tell the user. */
  onMissing?: () => void;
}

const MAX_PARALLEL = 4;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

// Codes and statuses meaning "this attempt takes no more answers" rather than "this answer is wrong".
function isClosedError(error: ApiError): boolean {
  return error.status === 409 && /closed|expired|submitted|not_in_progress|finished/.test(error.code ?? '');
}

// The attempt is unknown to the server for this session: not a reason to drop what is unsent.
const isMissingError = (error: ApiError) => error.status === 404 || error.status === 410;

/**
 * The autosave engine of one attempt. Every change is written to localStorage before anything is
 * sent, so no answer is lost to a dropped network, a reload or a crash; only the newest answer per
 * question is kept. Sends run in parallel across questions but one at a time per question, and
 * network or server failures back off exponentially (1 s, 2 s, 4 s … 30 s, with jitter) until
 * they get through; coming back online retries at once.
 */
export class AnswerQueue {
  private state: AttemptLocalState;
  private readonly inFlight = new Map<number, number>();
  private status: SyncStatus = { kind: 'saved' };
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly idleWaiters = new Set<() => void>();
  private disposed = false;
  private attached = false;

  constructor(
    private readonly attemptId: string,
    private readonly callbacks: AnswerQueueCallbacks,
  ) {
    this.state = loadLocalState(attemptId);
  }

  /** Starts working (idempotent, so React's double mount in development is harmless). */
  attach(): void {
    if (!this.disposed && this.attached) return;
    this.disposed = false;
    this.attached = true;
    window.addEventListener('online', this.retryNow);
    this.start();
  }

  /**
   * Reconciles with the answers the server returned on load: the higher seq wins per position,
   * so local answers that never reached the server are kept (and re-sent by attach()), and the
   * seq counter continues above everything either side has seen.
   */
  reconcile(server: Map<number, SavedAnswer | null>): Map<number, PendingAnswer> {
    this.update((state) => {
      for (const [position, answer] of server) {
        if (!answer) continue;
        state.seq = Math.max(state.seq, answer.seq);
        const local = state.pending[position];
        if (local && local.seq <= answer.seq) delete state.pending[position];
      }
      for (const local of Object.values(state.pending)) state.seq = Math.max(state.seq, local.seq);
    });
    const effective = new Map<number, PendingAnswer>();
    for (const [position, answer] of server) {
      const local = this.state.pending[position];
      const chosen = local ?? answer;
      if (chosen) effective.set(position, chosen);
    }
    return effective;
  }

  get local(): Readonly<AttemptLocalState> {
    return this.state;
  }

  /** Records an answer (durably) and schedules its save. Returns the entry with its new seq. */
  enqueue(position: number, selected: string[], flagged: boolean, confidence?: Confidence | null): PendingAnswer {
    let entry: PendingAnswer = { selected, flagged, seq: 0 };
    this.update((state) => {
      state.seq += 1;
      entry = { selected: [...selected], flagged, seq: state.seq };
      if (confidence !== undefined) entry.confidence = confidence;
      state.pending[position] = entry;
    });
    if (this.status.kind === 'saved') this.setStatus({ kind: 'saving' });
    this.pump();
    return entry;
  }

  /** Persists UI bits that must survive a reload (position, feedback, warnings shown). */
  remember(change: (state: AttemptLocalState) => void): void {
    this.update(change);
  }

  private start(): void {
    if (this.pendingCount() > 0) this.setStatus({ kind: 'saving' });
    this.pump();
  }

  pendingCount(): number {
    return Object.keys(this.state.pending).length;
  }

  isPending(position: number): boolean {
    return this.state.pending[position] !== undefined;
  }

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /**
   * Resolves true once nothing is pending or in flight, false when the time is up first or the
   * queue cannot make progress (closed, signed out). Retries immediately rather than waiting for
   * the backoff: the caller is about to submit.
   */
  async flush(timeoutMs: number): Promise<boolean> {
    if (this.isIdle()) return true;
    this.retryNow();
    return new Promise<boolean>((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        this.idleWaiters.delete(onIdle);
        resolve(value);
      };
      const onIdle = () => done(this.isIdle());
      const timer = setTimeout(() => done(this.isIdle()), timeoutMs);
      this.idleWaiters.add(onIdle);
    });
  }

  /** Stops sending (the page is leaving); whatever is pending stays stored for the next visit. */
  detach(): void {
    this.disposed = true;
    this.attached = false;
    window.removeEventListener('online', this.retryNow);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.notifyWaiters();
  }

  private isIdle(): boolean {
    return this.pendingCount() === 0 && this.inFlight.size === 0;
  }

  private readonly retryNow = () => {
    if (this.disposed || this.status.kind === 'closed' || this.status.kind === 'missing') return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.status.kind === 'offline' || this.status.kind === 'signed-out') this.setStatus({ kind: 'saving' });
    this.pump();
  };

  private update(change: (state: AttemptLocalState) => void) {
    this.state = updateLocalState(this.attemptId, this.state, change);
  }

  private setStatus(status: SyncStatus) {
    this.status = status;
    for (const listener of this.listeners) listener();
  }

  private blocked(): boolean {
    return (
      this.disposed ||
      this.retryTimer !== null ||
      this.status.kind === 'closed' ||
      this.status.kind === 'missing' ||
      this.status.kind === 'signed-out' ||
      this.status.kind === 'offline'
    );
  }

  private pump() {
    if (this.blocked()) return;
    const waiting = Object.entries(this.state.pending)
      .map(([position, entry]) => ({ position: Number(position), entry }))
      .filter(({ position }) => !this.inFlight.has(position))
      .sort((a, b) => a.entry.seq - b.entry.seq);
    for (const { position, entry } of waiting) {
      if (this.inFlight.size >= MAX_PARALLEL) break;
      void this.sendOne(position, entry);
    }
    this.settleIfIdle();
  }

  private async sendOne(position: number, entry: PendingAnswer) {
    this.inFlight.set(position, entry.seq);
    try {
      // The time on screen as it is when the save goes out (a retry carries the newer time).
      const elapsedMs = Math.round(this.state.times[position] ?? 0);
      const response = await this.callbacks.send(position, {
        selected: entry.selected,
        flagged: entry.flagged,
        seq: entry.seq,
        ...(elapsedMs > 0 ? { elapsedMs } : {}),
        ...(entry.confidence !== undefined ? { confidence: entry.confidence } : {}),
      });
      if (elapsedMs > 0) {
        this.update((state) => {
          state.reported[position] = Math.max(state.reported[position] ?? 0, elapsedMs);
        });
      }
      // Acknowledged: drop it unless a newer answer for the same question was queued meanwhile.
      // Recorded even after detach(), so the next visit does not send it again.
      this.update((state) => {
        const current = state.pending[position];
        if (current && current.seq <= Math.max(entry.seq, response.answer.seq)) delete state.pending[position];
      });
      if (this.disposed) return;
      this.failures = 0;
      this.callbacks.onSaved(response, entry);
    } catch (error) {
      if (this.disposed) return;
      this.handleFailure(position, entry, error);
    } finally {
      this.inFlight.delete(position);
      if (!this.disposed) this.pump();
    }
  }

  private handleFailure(position: number, entry: PendingAnswer, error: unknown) {
    if (error instanceof ApiError && error.status === 401) {
      this.setStatus({ kind: 'signed-out' });
      this.callbacks.onUnauthorized();
      this.notifyWaiters();
      return;
    }
    if (error instanceof ApiError && isMissingError(error)) {
      this.setStatus({ kind: 'missing' });
      this.callbacks.onMissing?.();
      this.notifyWaiters();
      return;
    }
    if (error instanceof ApiError && isClosedError(error)) {
      this.setStatus({ kind: 'closed' });
      this.callbacks.onClosed();
      this.notifyWaiters();
      return;
    }
    if (!isRetryable(error)) {
      // A 400/409 on this answer will not change by sending it again; neither will a reply this
      // app cannot read (the server did answer). Give it up and let the UI reload the truth.
      if (!(error instanceof ApiError)) console.error('Unexpected answer to an autosave', error);
      this.update((state) => {
        if (state.pending[position]?.seq === entry.seq) delete state.pending[position];
      });
      this.callbacks.onRejected(position);
      return;
    }
    // Offline or a server hiccup: keep everything and try again later, slower each time. Sends
    // that fail together (they run in parallel) count as one failure and share one retry.
    if (this.retryTimer) return;
    this.failures += 1;
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (this.failures - 1));
    const jittered = Math.round(delay * (0.8 + Math.random() * 0.4));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.setStatus({ kind: 'saving' });
      this.pump();
    }, jittered);
    this.setStatus({ kind: 'offline', retryAt: Date.now() + jittered });
  }

  private settleIfIdle() {
    if (!this.isIdle()) return;
    if (this.status.kind === 'saving') this.setStatus({ kind: 'saved' });
    this.notifyWaiters();
  }

  /** Wakes flush() callers: the queue is idle, or it cannot make progress until the user acts. */
  private notifyWaiters() {
    for (const waiter of [...this.idleWaiters]) waiter();
  }
}
