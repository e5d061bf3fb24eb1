import type { Db } from '../db/prisma-client.ts';

export interface UserRow {
  id: string;
  email: string;
  createdAt: Date;
  role: 'user' | 'admin';
}

const PUBLIC_FIELDS = { id: true, email: true, createdAt: true, role: true } as const;

/** Null when the email is taken (the unique index decides, so two racing sign-ups cannot both win). */
export async function createUser(db: Db, email: string, passwordHash: string): Promise<UserRow | null> {
  try {
    return await db.user.create({ data: { email, passwordHash }, select: PUBLIC_FIELDS });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2002') return null;
    throw error;
  }
}

export function findUserForLogin(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, select: { ...PUBLIC_FIELDS, passwordHash: true } });
}

/** Makes the account an admin; false when there is no account with this email. */
export async function grantAdmin(db: Db, email: string): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { email: email.toLowerCase() }, data: { role: 'admin' } });
  return count > 0;
}
