import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('attempt cursors', () => {
  it('round-trip', () => {
    const cursor = { startedAt: new Date('2026-03-04T05:06:07.089Z'), id: '0b7c4a44-1b0e-4a8e-9a51-6d1d0f6a1f00' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuse anything else as a 400 naming the field', () => {
    for (const bad of ['', 'garbage', Buffer.from('{"s":1}').toString('base64url'), '!!!']) {
      expect(() => decodeCursor(bad)).toThrow(AppError);
      try {
        decodeCursor(bad);
      } catch (error) {
        expect((error as AppError).fields).toEqual([{ field: 'querystring.cursor', message: expect.any(String) }]);
      }
    }
  });
});
