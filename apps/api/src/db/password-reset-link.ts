import { createHash, randomBytes } from 'node:crypto';
import { createPasswordReset } from '../data/accounts.ts';
import type { PrismaClient } from './prisma-client.ts';

/** A reset link works once, for this long. */
export const RESET_LINK_MINUTES = 30;

export const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A one-time password reset link for the account with this email, or null when there is none.
 * The token is in the fragment (#), which browsers never send to a server, so it stays out of
 * access logs; only its hash is stored.
 */
export async function createResetLink(
  prisma: PrismaClient,
  email: string,
  publicUrl: string,
  now = new Date(),
): Promise<{ url: string; expiresAt: Date } | null> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) return null;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
  await createPasswordReset(prisma, user.id, hashResetToken(token), expiresAt);
  return { url: `${publicUrl.replace(/\/$/, '')}/reset-password#token=${token}`, expiresAt };
}
