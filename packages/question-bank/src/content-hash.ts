import { createHash } from 'node:crypto';

/** Short stable id from content: the same input always gives the same id on every machine. */
export function contentHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12);
}
