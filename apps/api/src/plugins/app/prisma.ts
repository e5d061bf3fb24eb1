import fp from 'fastify-plugin';
import type pg from 'pg';
import { createDatabaseClients, type PrismaClient } from '../../db/prisma-client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: PrismaClient;
    /** Autosaves' own connections, straight through pg (see db/prisma-client.ts). */
    savePool: pg.Pool;
  }
}

/** The app's single Prisma client and its pool: created here, closed when the app closes. */
export default fp<{ databaseUrl: string; poolSize: number }>(
  async (app, opts) => {
    const { prisma, savePool } = createDatabaseClients(opts.databaseUrl, opts.poolSize);
    app.decorate('prisma', prisma);
    app.decorate('savePool', savePool);
    app.addHook('onClose', async () => {
      // Prisma's adapter ends the pool it was given.
      await prisma.$disconnect();
      await savePool.end();
    });
  },
  { name: 'prisma' },
);
