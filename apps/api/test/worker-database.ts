import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { adminQuery, urlForDatabase } from './admin-database.ts';

// Each test file works in its own copy of the template database, so files never see each
// other's rows and can run in parallel.
const templateUrl = inject('templateDatabaseUrl');
const template = new URL(templateUrl).pathname.slice(1);
const name = `test_${randomBytes(6).toString('hex')}`;

await adminQuery(templateUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
process.env.TEST_DATABASE_URL = urlForDatabase(templateUrl, name);

afterAll(async () => {
  await adminQuery(templateUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
