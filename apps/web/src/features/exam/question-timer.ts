import type { AnswerQueue } from './answer-queue.ts';

/**
 * Counts how long each question is on screen while the tab is visible, into the attempt's local
 * state (so a reload or a second tab keeps it). Saves carry it; a question only looked at reports
 * its time when it is left, once it has grown by `reportAfterMs`.
 */
export class QuestionTimer {
  private position: number | null = null;
  private since: number | null = null;

  constructor(
    private readonly queue: AnswerQueue,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The question now on screen (null: none, e.g. leaving the page). */
  show(position: number | null): void {
    this.flush();
    this.position = position;
    this.since = position !== null && document.visibilityState === 'visible' ? this.now() : null;
  }

  /** The tab was hidden or shown: only visible time counts. */
  visibilityChanged(): void {
    if (document.visibilityState === 'visible') {
      if (this.position !== null && this.since === null) this.since = this.now();
    } else {
      this.flush();
      this.since = null;
    }
  }

  /** Adds the time since the last count to the question on screen. */
  flush(): void {
    if (this.position === null || this.since === null) return;
    const now = this.now();
    const spent = now - this.since;
    this.since = now;
    const position = this.position;
    if (spent > 0) {
      this.queue.remember((state) => {
        state.times[position] = (state.times[position] ?? 0) + spent;
      });
    }
  }

  /** Positions whose time grew by at least `minMs` since it was last sent, and is not already queued. */
  unreported(minMs: number): number[] {
    this.flush();
    const { times, reported } = this.queue.local;
    return Object.entries(times)
      .filter(([position, ms]) => ms - (reported[position] ?? 0) >= minMs && !this.queue.isPending(Number(position)))
      .map(([position]) => Number(position));
  }
}
