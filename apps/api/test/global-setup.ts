import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import type { TestProject } from 'vitest/node';
import { seed } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { applyMigrations } from '../src/db/migrations.ts';
import { adminQuery } from './admin-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated and seeded template database; test files clone it. */
    templateDatabaseUrl: string;
  }
}

export const TEMPLATE_DATABASE = 'saa_template';

/** Starts one real Postgres for the whole run and prepares a template database in it. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'saa-test-pg-'));
  const database = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await getPort(),
    database: TEMPLATE_DATABASE,
  });
  await applyMigrations(database.url);
  await seed(database.url, () => {});

  // A database can serve as a template only while nobody is connected to it.
  await adminQuery(database.url, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
    TEMPLATE_DATABASE,
  ]);

  project.provide('templateDatabaseUrl', database.url);
  return async () => {
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
