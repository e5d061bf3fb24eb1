import cors from '@fastify/cors';
import fp from 'fastify-plugin';

/** Cross-origin calls only from the configured origins; the SPA itself is same-origin. */
export default fp<{ origins: string[] }>(
  async (app, opts) => {
    await app.register(cors, { origin: opts.origins.length ? opts.origins : false, credentials: true });
  },
  { name: 'cors' },
);
