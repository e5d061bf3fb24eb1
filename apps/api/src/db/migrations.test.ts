import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../../test/scratch-database.ts';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../lib/project-paths.ts';
import { applyMigrations, migrationStatus } from './migrations.ts';
import { diffSchemas } from './schema-engine.ts';

let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
beforeAll(async () => {
  db = await createEmptyDatabase();
});
afterAll(() => db.drop());

describe('migrations on the WASM schema engine', () => {
  it('reports every migration pending on an empty database', async () => {
    const status = await migrationStatus(db.url);
    expect(status.applied).toEqual([]);
    expect(status.pending.length).toBeGreaterThan(0);
  });

  it('applies them with the same ledger as prisma migrate deploy, once', async () => {
    const applied = await applyMigrations(db.url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await applyMigrations(db.url)).toEqual([]);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const ledger = await client.query(
        'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(ledger.rows.map((r) => r.migration_name)).toEqual(applied);
      for (const row of ledger.rows) {
        expect(row.finished_at).not.toBeNull();
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      }
      const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows.map((r) => r.tablename)).toEqual(expect.arrayContaining(['questions', 'question_versions']));
    } finally {
      await client.end();
    }
    const status = await migrationStatus(db.url);
    expect(status.pending).toEqual([]);
    expect(status.failed).toEqual([]);
  });

  it('has a migration for every change in schema.prisma', async () => {
    const snapshot = await readFile(path.join(MIGRATIONS_DIR, 'schema-at-last-migration.prisma'), 'utf8');
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const sql = await diffSchemas(db.url, snapshot, schema);
    expect(sql.replace(/--.*$/gm, '').trim(), 'run pnpm db:migration <name>').toBe('');
  });
});
