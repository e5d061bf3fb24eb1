import { z } from 'zod';
import { invalidField } from './app-error.ts';

/** Where a page of attempts ended: the keyset (startedAt, id) of its last row. */
export interface AttemptCursor {
  startedAt: Date;
  id: string;
}

const Payload = z.object({ s: z.iso.datetime(), i: z.uuid() });

// Opaque to clients (base64url JSON), so the keyset can change without breaking their code.
export function encodeCursor(cursor: AttemptCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.startedAt.toISOString(), i: cursor.id })).toString('base64url');
}

export function decodeCursor(value: string, field = 'querystring.cursor'): AttemptCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = Payload.safeParse(parsed);
  if (!result.success) throw invalidField(field, 'is not a cursor from a previous page');
  return { startedAt: new Date(result.data.s), id: result.data.i };
}
