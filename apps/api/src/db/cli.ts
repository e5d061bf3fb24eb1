import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { grantAdmin } from '../data/users.ts';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../lib/project-paths.ts';
import { bankFeedback } from '../services/admin/items.ts';
import { migrate, openDatabase, StartupError, seed } from './database.ts';
import { MigrationError, migrationStatus, writeMigration } from './migrations.ts';
import { createResetLink } from './password-reset-link.ts';
import { createPrismaClient } from './prisma-client.ts';
import { diffSchemas } from './schema-engine.ts';

/**
 * pnpm db:migrate | db:status | db:migration <name> | db:seed, and the operator's commands
 * user:reset-password, user:grant-admin and bank:feedback.
 * Without DATABASE_URL these act on the embedded Postgres that `pnpm start` uses.
 */

// The schema the migrations produce. `db:migration` diffs it against the edited schema.prisma.
const SNAPSHOT = path.join(MIGRATIONS_DIR, 'schema-at-last-migration.prisma');
// Progress goes to stderr when stdout carries data (`feedback` prints JSON for other programs).
const say = (message: string) => (process.argv[2] === 'feedback' ? console.error(message) : console.log(message));

async function createMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new StartupError('usage: pnpm db:migration <name>  (lower-case letters, digits and underscores)');
  }
  const previous = existsSync(SNAPSHOT) ? await readFile(SNAPSHOT, 'utf8') : null;
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  let sql = '';
  await withDatabase(async (url) => {
    sql = await diffSchemas(url, previous, schema);
  });
  const folder = await writeMigration(name, sql);
  if (!folder) {
    say('schema.prisma has no changes since the last migration; nothing written');
    return;
  }
  await copyFile(SCHEMA_PATH, SNAPSHOT);
  say(`wrote ${path.relative(process.cwd(), path.join(folder, 'migration.sql'))}; review it, then pnpm db:migrate`);
}

async function withDatabase(work: (url: string) => Promise<void>) {
  const database = await openDatabase(loadConfig(), say);
  try {
    await work(database.url);
  } finally {
    await database.stop();
  }
}

async function main(command: string | undefined, arg: string | undefined) {
  switch (command) {
    case 'migration':
      return createMigration(arg);
    case 'migrate':
      return withDatabase((url) => migrate(url, say));
    case 'seed':
      return withDatabase(async (url) => {
        await seed(url, say);
      });
    case 'status':
      return withDatabase(async (url) => {
        const status = await migrationStatus(url);
        say(`applied: ${status.applied.length ? status.applied.join(', ') : 'none'}`);
        say(`pending: ${status.pending.length ? status.pending.join(', ') : 'none'}`);
        if (status.failed.length) say(`FAILED: ${status.failed.join(', ')}`);
        if (status.edited.length) say(`edited after being applied: ${status.edited.join(', ')}`);
        if (status.pending.length || status.failed.length) process.exitCode = 1;
      });
    case 'reset-password':
      return withDatabase(async (url) => {
        if (!arg) throw new StartupError('usage: pnpm user:reset-password <email>');
        const prisma = createPrismaClient(url, 1);
        try {
          const link = await createResetLink(prisma, arg, loadConfig().PUBLIC_URL);
          if (!link) throw new StartupError(`no account with the email ${arg}`);
          say(`one-time password reset link for ${arg} (valid until ${link.expiresAt.toISOString()}):`);
          say(link.url);
        } finally {
          await prisma.$disconnect();
        }
      });
    case 'grant-admin':
      return withDatabase(async (url) => {
        if (!arg) throw new StartupError('usage: pnpm user:grant-admin <email>');
        const prisma = createPrismaClient(url, 1);
        try {
          if (!(await grantAdmin(prisma, arg))) throw new StartupError(`no account with the email ${arg}`);
          say(`${arg} is now an admin: the Items page and /api/admin are open to them after their next sign-in.`);
        } finally {
          await prisma.$disconnect();
        }
      });
    case 'feedback':
      return withDatabase(async (url) => {
        // JSON is the one format; the flag is accepted so that scripts can say what they expect.
        const format = process.argv.includes('--format') ? process.argv[process.argv.indexOf('--format') + 1] : 'json';
        if (format !== 'json') throw new StartupError(`unknown format "${format ?? ''}": use --format json`);
        const prisma = createPrismaClient(url, 1);
        try {
          process.stdout.write(`${JSON.stringify(await bankFeedback(prisma), null, 2)}\n`);
        } finally {
          await prisma.$disconnect();
        }
      });
    default:
      throw new StartupError(
        `unknown command "${command ?? ''}": use migrate, status, migration <name>, seed, reset-password <email>, grant-admin <email> or feedback`,
      );
  }
}

main(process.argv[2], process.argv[3]).catch((error) => {
  const known = error instanceof StartupError || error instanceof ConfigError || error instanceof MigrationError;
  console.error(`error: ${known ? error.message : String(error)}`);
  if (!known) console.error(error);
  process.exit(1);
});
