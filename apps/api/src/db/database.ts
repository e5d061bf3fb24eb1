import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Question } from '@saa/contract/question';
import { buildBank } from '@saa/question-bank/bank';
import { sourcesDigest } from '@saa/question-bank/sources-digest';
import pg from 'pg';
import type { Config } from '../config.ts';
import { BANK_DATA_DIR, BUILT_BANK_PATH } from '../lib/project-paths.ts';
import { explainConnectionError } from './connection-errors.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { applyMigrations } from './migrations.ts';
import { createPrismaClient } from './prisma-client.ts';
import { type SeedResult, seedQuestions } from './seed-questions.ts';

/** A failure at start that deserves one readable line and a non-zero exit, not a stack trace. */
export class StartupError extends Error {}

export interface Database {
  url: string;
  embedded: boolean;
  /** Stops the embedded Postgres; a no-op for an external DATABASE_URL. */
  stop(): Promise<void>;
}

type Log = (message: string) => void;

async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StartupError(explainConnectionError(error, url));
  } finally {
    await client.end().catch(() => {});
  }
}

/** The configured Postgres, or an embedded one started for this process; checked reachable. */
export async function openDatabase(config: Config, log: Log): Promise<Database> {
  if (config.DATABASE_URL) {
    await checkConnection(config.DATABASE_URL);
    return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const dataDir = path.join(config.DATA_DIR, 'postgres');
  log(`starting the embedded Postgres (data in ${dataDir}, port ${config.EMBEDDED_PG_PORT})`);
  try {
    const embedded = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT, supervise: log });
    return { url: embedded.url, embedded: true, stop: embedded.stop };
  } catch (error) {
    throw new StartupError(
      `${(error as Error).message}. Another program may use port ${config.EMBEDDED_PG_PORT}: set EMBEDDED_PG_PORT, or DATABASE_URL to use your own Postgres.`,
    );
  }
}

export async function migrate(url: string, log: Log): Promise<void> {
  const applied = await applyMigrations(url);
  log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
}

/**
 * The bank to seed: the JSON the API build wrote (already validated and gated, and quick to read)
 * when it was built from the sources as they are now, else the YAML sources, validated here.
 */
function loadBank(): Question[] {
  if (existsSync(BUILT_BANK_PATH)) {
    const built = JSON.parse(readFileSync(BUILT_BANK_PATH, 'utf8')) as { sources: string; questions: Question[] };
    if (built.sources === sourcesDigest(BANK_DATA_DIR)) return built.questions;
  }
  const { questions, problems } = buildBank(BANK_DATA_DIR);
  if (problems.length) throw new StartupError(`the question bank has ${problems.length} problems: run pnpm bank:check`);
  return questions;
}

export async function seed(url: string, log: Log): Promise<SeedResult> {
  const questions = loadBank();
  const prisma = createPrismaClient(url, 2);
  try {
    const result = await seedQuestions(prisma, questions);
    log(
      `question bank: ${questions.length} questions (${result.created} new, ${result.updated} changed, ${result.retired} retired)`,
    );
    return result;
  } finally {
    await prisma.$disconnect();
  }
}
