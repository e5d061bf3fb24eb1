import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

// Each test file works in its own copy of the template database, so files never see each
// other's rows and can run in parallel.
const templateUrl = new URL(inject('templateDatabaseUrl'));
const template = templateUrl.pathname.slice(1);
const name = `test_${randomBytes(6).toString('hex')}`;

const adminUrl = new URL(templateUrl);
adminUrl.pathname = '/postgres';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
const url = new URL(templateUrl);
url.pathname = `/${name}`;
process.env.TEST_DATABASE_URL = url.toString();

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
