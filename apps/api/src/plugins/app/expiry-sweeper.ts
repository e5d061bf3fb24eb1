import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { claimOverdue } from '../../data/attempts.ts';
import { deleteExpiredSessions } from '../../data/sessions.ts';
import { TRANSACTION_OPTIONS } from '../../db/prisma-client.ts';
import { finishAttempt } from '../../services/attempts/finish-attempt.ts';

// Per tick, so that a backlog (say, after downtime) is worked off in bounded slices.
const MAX_PER_TICK = 200;

/**
 * Scores every attempt whose deadline has passed, one per transaction, claimed with SKIP LOCKED so
 * that any number of instances can sweep side by side. Returns how many this call scored.
 */
export async function sweepExpiredAttempts(app: FastifyInstance, now = new Date()): Promise<number> {
  let scored = 0;
  // An attempt that fails to score is passed over for the rest of this tick, so that one bad row
  // cannot hold up every other attempt behind it (it is retried on the next tick).
  const failed: string[] = [];
  for (let i = 0; i < MAX_PER_TICK; i++) {
    let claimed: string | null = null;
    try {
      const done = await app.prisma.$transaction(async (tx) => {
        claimed = await claimOverdue(tx, now, failed);
        return claimed ? finishAttempt(tx, claimed, now) : null;
      }, TRANSACTION_OPTIONS);
      if (!done) break;
      if (done.scoredNow) scored++;
    } catch (error) {
      if (!claimed) throw error;
      app.log.error({ err: error, attemptId: claimed }, 'could not score an expired attempt');
      failed.push(claimed);
    }
  }
  return scored;
}

/**
 * Attempts also expire lazily on their next access; the sweeper makes sure that an abandoned
 * attempt still gets scored (and shows in stats and drills) without anyone opening it again.
 */
export default fp<{ intervalSeconds: number }>(
  async (app, opts) => {
    if (opts.intervalSeconds <= 0) return;
    let running: Promise<void> | null = null;

    const tick = () => {
      if (running) return;
      running = (async () => {
        try {
          const now = new Date();
          const scored = await sweepExpiredAttempts(app, now);
          if (scored > 0) app.log.info({ scored }, 'expired attempts scored');
          await deleteExpiredSessions(app.prisma, now);
        } catch (error) {
          app.log.warn({ err: error }, 'expiry sweep failed; retrying next tick');
        } finally {
          running = null;
        }
      })();
    };

    // unref: a pending sweep must never keep a finished process (or test run) alive.
    const timer = setInterval(tick, opts.intervalSeconds * 1000).unref();
    // preClose, not onClose: it runs before the Prisma plugin disconnects, so an in-flight sweep
    // finishes on a live connection instead of failing half-way.
    app.addHook('preClose', async () => {
      clearInterval(timer);
      await running;
    });
  },
  { name: 'expiry-sweeper', dependencies: ['prisma'] },
);
