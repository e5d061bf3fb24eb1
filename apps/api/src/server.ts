import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { type Database, migrate, openDatabase, StartupError, seed } from './db/database.ts';
import { MigrationError } from './db/migrations.ts';

// Startup problems print one line and exit non-zero; everything after boot is logged as JSON.
const say = (message: string) => console.log(`[saa] ${message}`);

let app: FastifyInstance | undefined;
let database: Database | undefined;

/** Closes whatever has been opened so far, in reverse order: HTTP and Prisma, then Postgres. */
async function closeAll() {
  await app?.close().catch(() => {});
  await database?.stop().catch(() => {});
}

async function fail(error: unknown, line?: string): Promise<never> {
  const known = error instanceof StartupError || error instanceof ConfigError || error instanceof MigrationError;
  console.error(`[saa] error: ${line ?? (known ? (error as Error).message : String(error))}`);
  await closeAll();
  process.exit(1);
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  say(`${signal} received, shutting down`);
  setTimeout(() => process.exit(1), 15_000).unref();
  await closeAll();
  process.exit(0);
}

// Installed first, so that Ctrl-C during startup also stops the embedded Postgres.
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

async function listen(config: Config) {
  if (!app) return;
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      await fail(error, `port ${config.PORT} is already in use: stop the other program or set PORT.`);
    if (code === 'EACCES')
      await fail(error, `no permission to listen on port ${config.PORT}: choose a port above 1024.`);
    await fail(error);
  }
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
    database = await openDatabase(config, say);
    if (config.MIGRATE_ON_START) await migrate(database.url, say);
    if (config.SEED_ON_START) await seed(database.url, say);
    app = await buildApp({ config, databaseUrl: database.url });
  } catch (error) {
    return fail(error);
  }
  await listen(config);
  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  say(`ready at http://${shownHost}:${config.PORT} (API under /api, docs at /api/docs)`);
}

void main();
