import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../db/prisma-client.ts';
import { builder, execute, firstRow } from '../db/sql.ts';
import type { DB } from '../generated/kysely/database.ts';

// Windows run on the database's clock (UTC, like every timestamp here), the same for every instance.
const nowUtc = sql<Date>`(now() AT TIME ZONE 'UTC')`;
const windowEnd = (windowMs: number) => sql<Date>`${nowUtc} + make_interval(secs => ${windowMs / 1000})`;
const ttlMs = (eb: ExpressionBuilder<DB, 'rate_limit_hits'>) =>
  sql<number>`greatest(0, extract(epoch FROM ${eb.ref('rate_limit_hits.reset_at')} - ${nowUtc}) * 1000)::float8`.as(
    'ttlMs',
  );

export interface WindowCount {
  count: number;
  /** Milliseconds until the window resets. */
  ttlMs: number;
}

/**
 * Counts one hit in `key`'s window (a new window of `windowMs` starts when the last one is over),
 * atomically, on the database every instance shares: limits hold in total across instances.
 * Times are the database's clock, the same for every instance.
 */
export async function countHit(db: Db, key: string, windowMs: number): Promise<WindowCount> {
  const row = await firstRow(
    db,
    builder
      .insertInto('rate_limit_hits')
      .values({ key, count: 1, reset_at: windowEnd(windowMs) })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          const windowOver = eb('rate_limit_hits.reset_at', '<=', nowUtc);
          return {
            count: eb
              .case()
              .when(windowOver)
              .then(1)
              .else(eb('rate_limit_hits.count', '+', 1))
              .end(),
            reset_at: eb
              .case()
              .when(windowOver)
              .then(windowEnd(windowMs))
              .else(eb.ref('rate_limit_hits.reset_at'))
              .end(),
          };
        }),
      )
      .returning((eb) => ['rate_limit_hits.count', ttlMs(eb)]),
  );
  if (!row) throw new Error('counting a rate-limit hit returned nothing');
  return row;
}

/** The current window's count without counting a hit (0 when none is open). */
export async function readHits(db: Db, key: string): Promise<WindowCount> {
  const row = await firstRow(
    db,
    builder
      .selectFrom('rate_limit_hits')
      .select((eb) => ['count', ttlMs(eb)])
      .where('key', '=', key)
      .where('reset_at', '>', nowUtc),
  );
  return row ?? { count: 0, ttlMs: 0 };
}

/** Removes windows that ended more than an hour ago; returns how many. */
export function pruneHits(db: Db): Promise<number> {
  return execute(
    db,
    builder.deleteFrom('rate_limit_hits').where('reset_at', '<', sql<Date>`${nowUtc} - interval '1 hour'`),
  );
}
