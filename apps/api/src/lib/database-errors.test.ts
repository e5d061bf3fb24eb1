import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-errors.ts';

describe('isDatabaseUnavailable', () => {
  it('recognises pg errors when Postgres is down or going down', () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(true);
  });

  it('recognises a Prisma raw-query failure whose driver error says the server is unreachable', () => {
    // The shape Prisma 7 throws for $queryRaw while Postgres is stopped (seen in the fault test).
    const error = Object.assign(new Error("Raw query failed. Code: `N/A`. Message: `Can't reach database server`"), {
      code: 'P2010',
      meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } } },
    });
    expect(isDatabaseUnavailable(error)).toBe(true);
    const quiet = Object.assign(new Error('Raw query failed.'), {
      code: 'P2010',
      meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } } },
    });
    expect(isDatabaseUnavailable(quiet)).toBe(true);
  });

  it('leaves query errors alone', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('Raw query failed.'), {
          code: 'P2010',
          meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'UniqueConstraintViolation' } } },
        }),
      ),
    ).toBe(false);
  });
});
