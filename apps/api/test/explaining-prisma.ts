import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../src/generated/prisma/client.ts';

/**
 * A Prisma client whose every statement comes back with its executed plan: Postgres' auto_explain
 * (EXPLAIN ANALYZE with buffers, for every statement) reports each plan to the client as a notice.
 * For the benchmarks, which run the API's own data functions through it to show the plans of the
 * queries they send. Needs a superuser (it sets session_preload_libraries), as the embedded one is.
 */
export function explainingPrisma(url: string): { prisma: PrismaClient; plans: string[]; close(): Promise<void> } {
  const plans: string[] = [];
  const settings = [
    'session_preload_libraries=auto_explain',
    'auto_explain.log_min_duration=0',
    'auto_explain.log_analyze=on',
    'auto_explain.log_buffers=on',
    'auto_explain.log_timing=on',
    'auto_explain.log_level=notice',
    'client_min_messages=notice',
  ];
  const pool = new pg.Pool({ connectionString: url, max: 1, options: settings.map((s) => `-c ${s}`).join(' ') });
  pool.on('connect', (client) => {
    client.on('notice', (notice) => {
      if (notice.message?.includes('plan:')) plans.push(notice.message);
    });
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    plans,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
