import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/**
 * Off by default; routes opt in with `config.rateLimit` (sign-up and sign-in). The in-memory store
 * counts per instance, which is enough to slow password guessing; limits over 429 leave as
 * problem+json through the error handler.
 */
export default fp(
  async (app) => {
    await app.register(rateLimit, { global: false });
  },
  { name: 'rate-limit' },
);
