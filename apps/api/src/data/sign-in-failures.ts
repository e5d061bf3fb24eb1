import { sql } from 'kysely';
import type { Db } from '../db/prisma-client.ts';
import { builder, execute } from '../db/sql.ts';

/** Failed sign-ins an account gets before any delay. */
export const FREE_FAILURES = 5;
/** The first delay; each further failure doubles it, up to MAX_DELAY_MS. */
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 15 * 60_000;
/** Failures are forgotten this long after the last one. */
export const FORGET_AFTER_MS = 60 * 60_000;

/** When sign-in for this email may be tried again, if it is held back now. */
export async function blockedUntil(db: Db, email: string, now: Date): Promise<Date | null> {
  const row = await db.signInFailure.findUnique({ where: { email }, select: { blockedUntil: true } });
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

/**
 * Counts a failed sign-in (a new count once the last failure is an hour old) and, past the free
 * ones, holds the email back for 1 s, 2 s, 4 s … up to 15 min. One atomic statement, so that
 * parallel guesses from many addresses all count.
 */
export async function recordFailure(db: Db, email: string, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  await execute(
    db,
    builder
      .insertInto('sign_in_failures')
      .values({ email, failures: 1, last_failure_at: now, blocked_until: null })
      .onConflict((oc) =>
        oc.column('email').doUpdateSet((eb) => {
          const forgotten = eb('sign_in_failures.last_failure_at', '<', forgetBefore);
          const failures = eb.ref('sign_in_failures.failures');
          return {
            failures: eb
              .case()
              .when(forgotten)
              .then(1)
              .else(eb(failures, '+', 1))
              .end(),
            last_failure_at: now,
            blocked_until: eb
              .case()
              .when(eb.or([forgotten, eb(eb(failures, '+', 1), '<=', FREE_FAILURES)]))
              .then(null)
              .else(
                sql<Date>`${now}::timestamp + make_interval(secs => least(${MAX_DELAY_MS / 1000},
                  ${FIRST_DELAY_MS / 1000} * power(2, ${failures} - ${FREE_FAILURES})))`,
              )
              .end(),
          };
        }),
      ),
  );
}

/** A successful sign-in (or a new password) clears the count. */
export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { email } });
}
