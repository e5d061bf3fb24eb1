import type { Db } from '../db/prisma-client.ts';

export interface UserRow {
  id: string;
  email: string;
  createdAt: Date;
}

const PUBLIC_FIELDS = { id: true, email: true, createdAt: true } as const;

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
