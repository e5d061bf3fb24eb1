import type { Db } from '../db/prisma-client.ts';
import { builder, firstRow } from '../db/sql.ts';
import type { UserRow } from './users.ts';

/**
 * What a statement needs to check a session itself, as `authenticate` would (for routes with
 * `sessionInQuery`): the session is valid when `expires_at > now` and `last_seen_at > idleSince`,
 * and is due a touch (last_seen_at = now) when `last_seen_at < touchBefore`.
 */
export interface SessionCheck {
  sessionId: string;
  now: Date;
  idleSince: Date;
  touchBefore: Date;
}

export interface SessionWithUser {
  id: string;
  lastSeenAt: Date;
  expiresAt: Date;
  user: UserRow;
}

export async function createSession(db: Db, id: string, userId: string, now: Date, expiresAt: Date): Promise<void> {
  await db.session.create({ data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt } });
}

/** The session and its user in one statement: this runs on every authenticated request. */
export async function findSession(db: Db, id: string): Promise<SessionWithUser | null> {
  const row = await firstRow(
    db,
    builder
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id',
        's.last_seen_at as lastSeenAt',
        's.expires_at as expiresAt',
        'u.id as userId',
        'u.email',
        'u.created_at as userCreatedAt',
        'u.role',
      ])
      .where('s.id', '=', id),
  );
  if (!row) return null;
  return {
    id: row.id,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    user: { id: row.userId, email: row.email, createdAt: row.userCreatedAt, role: row.role },
  };
}

/** Conditional, so that instances racing to refresh the same session write once. */
export async function touchSession(db: Db, id: string, now: Date, notSince: Date): Promise<void> {
  await db.session.updateMany({ where: { id, lastSeenAt: { lt: notSince } }, data: { lastSeenAt: now } });
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.session.deleteMany({ where: { id } });
}

/** Sessions past their absolute end; idle ones are refused on use and go when they reach it. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
