/** The middle of the interval a rounded-up whole second stands for (0 stays 0). */
const fromServer = (seconds: number) => Math.max(0, seconds - 0.5);

/**
 * The exam clock. The server owns the deadline and sends remainingSeconds on every read and save;
 * between those we count down from the last value with performance.now() (monotonic, immune to
 * the user changing the system clock). Re-anchoring on each server answer corrects drift, and a
 * jump of the wall clock against the monotonic one (a laptop waking from sleep, where
 * performance.now() may have paused) asks the server again.
 */
export class Countdown {
  private anchor: { remaining: number; at: number } | null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly listeners = new Set<() => void>();
  private seconds: number | null;
  private lastWall = Date.now();
  private lastMono = performance.now();

  constructor(
    remainingSeconds: number | null,
    receivedAt: number,
    private readonly onClockJump: () => void,
  ) {
    this.anchor = remainingSeconds === null ? null : { remaining: fromServer(remainingSeconds), at: receivedAt };
    this.seconds = this.compute();
  }

  /** Exact seconds left (fractional), or null when untimed. */
  remaining(): number | null {
    if (!this.anchor) return null;
    return Math.max(0, this.anchor.remaining - (performance.now() - this.anchor.at) / 1000);
  }

  /** Whole seconds left, rounded up so that 0 means the time is really over. */
  getSnapshot = (): number | null => this.seconds;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /**
   * Corrects the clock with a fresh server value. The server rounds up, so the truth lies in
   * (R − 1, R]; if our count is inside that band (plus a little for the request's travel time) it
   * is already right, and moving it would only make the display jitter.
   */
  reanchor(remainingSeconds: number | null, receivedAt = performance.now()) {
    if (remainingSeconds === null || !this.anchor) return;
    const local = this.anchor.remaining - (receivedAt - this.anchor.at) / 1000;
    if (local <= remainingSeconds && local > remainingSeconds - 1.25) return;
    this.anchor = { remaining: fromServer(remainingSeconds), at: receivedAt };
    this.tick();
  }

  start() {
    if (!this.anchor || this.timer) return;
    this.lastWall = Date.now();
    this.lastMono = performance.now();
    // Four ticks a second keeps the display within a quarter second of the true value.
    this.timer = setInterval(() => this.tick(), 250);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private compute(): number | null {
    const exact = this.remaining();
    return exact === null ? null : Math.ceil(exact - 1e-6);
  }

  private tick() {
    const wall = Date.now();
    const mono = performance.now();
    const drift = wall - this.lastWall - (mono - this.lastMono);
    this.lastWall = wall;
    this.lastMono = mono;
    if (Math.abs(drift) > 2000) this.onClockJump();

    const next = this.compute();
    if (next === this.seconds) return;
    this.seconds = next;
    for (const listener of this.listeners) listener();
  }
}
