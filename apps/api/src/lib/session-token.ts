import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'saa_session';

/** 32 random bytes, base64url: what the browser holds. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database holds: a leaked sessions table cannot be replayed as cookies. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// A real token is exactly 43 base64url characters; anything else is not worth a database lookup.
export function looksLikeSessionToken(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}
