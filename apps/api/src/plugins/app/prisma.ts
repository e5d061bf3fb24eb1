import fp from 'fastify-plugin';
import { createPrismaClient, type PrismaClient } from '../../db/prisma-client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: PrismaClient;
  }
}

/** The app's single Prisma client: created here, disconnected when the app closes. */
export default fp<{ databaseUrl: string; poolSize: number }>(
  async (app, opts) => {
    const prisma = createPrismaClient(opts.databaseUrl, opts.poolSize);
    app.decorate('prisma', prisma);
    app.addHook('onClose', async () => {
      await prisma.$disconnect();
    });
  },
  { name: 'prisma' },
);
