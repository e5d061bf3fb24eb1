import getPort from 'get-port';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/build-test-app.ts';
import { explainConnectionError } from './connection-errors.ts';

async function failureOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    throw new Error('expected the connection to fail');
  } catch (error) {
    return explainConnectionError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

describe('connection failures explained in one line', () => {
  it('says a refused connection is refused, without the password', async () => {
    const url = `postgresql://app:s3cret@127.0.0.1:${await getPort()}/saa`;
    const message = await failureOf(url);
    expect(message).toMatch(/connection refused/);
    expect(message).not.toContain('s3cret');
  });

  it('says when the password is wrong', async () => {
    const url = new URL(testDatabaseUrl());
    url.password = 'not-the-password';
    expect(await failureOf(url.toString())).toMatch(/rejected the user name or password/);
  });

  it('says when the database does not exist', async () => {
    const url = new URL(testDatabaseUrl());
    url.pathname = '/no_such_database';
    expect(await failureOf(url.toString())).toMatch(/does not exist/);
  });
});
