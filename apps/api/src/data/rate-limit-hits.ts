import type { Db } from '../db/prisma-client.ts';

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
  const rows = await db.$queryRaw<WindowCount[]>`
    INSERT INTO rate_limit_hits AS h (key, count, reset_at)
    VALUES (${key}, 1, (now() AT TIME ZONE 'UTC') + make_interval(secs => ${windowMs / 1000}))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN h.reset_at <= (now() AT TIME ZONE 'UTC') THEN 1 ELSE h.count + 1 END,
      reset_at = CASE WHEN h.reset_at <= (now() AT TIME ZONE 'UTC')
                      THEN (now() AT TIME ZONE 'UTC') + make_interval(secs => ${windowMs / 1000})
                      ELSE h.reset_at END
    RETURNING h.count, greatest(0, extract(epoch FROM h.reset_at - (now() AT TIME ZONE 'UTC')) * 1000)::float8 AS "ttlMs"`;
  const row = rows[0];
  if (!row) throw new Error('counting a rate-limit hit returned nothing');
  return row;
}

/** The current window's count without counting a hit (0 when none is open). */
export async function readHits(db: Db, key: string): Promise<WindowCount> {
  const rows = await db.$queryRaw<WindowCount[]>`
    SELECT count, greatest(0, extract(epoch FROM reset_at - (now() AT TIME ZONE 'UTC')) * 1000)::float8 AS "ttlMs"
    FROM rate_limit_hits WHERE key = ${key} AND reset_at > (now() AT TIME ZONE 'UTC')`;
  return rows[0] ?? { count: 0, ttlMs: 0 };
}

/** Removes windows that ended more than an hour ago; returns how many. */
export function pruneHits(db: Db): Promise<number> {
  return db.$executeRaw`DELETE FROM rate_limit_hits WHERE reset_at < (now() AT TIME ZONE 'UTC') - interval '1 hour'`;
}
