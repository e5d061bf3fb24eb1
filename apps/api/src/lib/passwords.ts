import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. For an unknown email the check runs against a decoy
 * hash, so that "no such user" takes as long as "wrong password" and timing reveals no accounts.
 */
export async function checkPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    decoy ??= hash(randomBytes(16).toString('hex'));
    await verify(await decoy, password);
    return false;
  }
  return verify(storedHash, password);
}
