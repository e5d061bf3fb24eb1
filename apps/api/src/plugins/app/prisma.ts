import fp from 'fastify-plugin';
import type pg from 'pg';
import { createDatabaseClients, type PrismaClient } from '../../db/prisma-client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: PrismaClient;
    /** The pg pool under `prisma`: only for hot-path statements that skip Prisma (see src/data). */
    pgPool: pg.Pool;
  }
}

/** The app's single Prisma client and its pool: created here, closed when the app closes. */
export default fp<{ databaseUrl: string; poolSize: number }>(
  async (app, opts) => {
    const { prisma, pool } = createDatabaseClients(opts.databaseUrl, opts.poolSize);
    app.decorate('prisma', prisma);
    app.decorate('pgPool', pool);
    app.addHook('onClose', async () => {
      await prisma.$disconnect();
      await pool.end();
    });
  },
  { name: 'prisma' },
);
