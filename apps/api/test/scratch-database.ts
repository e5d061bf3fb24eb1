import { randomBytes } from 'node:crypto';
import { adminQuery, urlForDatabase } from './admin-database.ts';
import { testDatabaseUrl } from './build-test-app.ts';

/** An empty database (no migrations) on the test server, for tests of migrating itself. */
export async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = testDatabaseUrl();
  const name = `empty_${randomBytes(6).toString('hex')}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  return {
    url: urlForDatabase(server, name),
    drop: () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
