import type { User } from '@saa/contract/auth';
import type { UserRow } from '../../data/users.ts';

/** A user as the API shows them: never the password hash. */
export function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, createdAt: row.createdAt.toISOString(), role: row.role };
}
