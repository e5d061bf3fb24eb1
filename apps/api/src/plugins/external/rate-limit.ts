import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { countHit, pruneHits, readHits } from '../../data/rate-limit-hits.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * @fastify/rate-limit's store interface backed by Postgres (table rate_limit_hits), so a limit
 * holds in total across every API instance without another server. Each route counts apart.
 */
function postgresStore(app: FastifyInstance) {
  return class PostgresRateLimitStore {
    readonly scope: string;

    // The plugin passes its options; a child store gets the route it counts for.
    constructor(options?: unknown) {
      this.scope = typeof options === 'string' ? options : 'global';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      // Now and then, clear out windows long over (cheap: an index range).
      if (Math.random() < 0.01) void pruneHits(app.prisma).catch(() => {});
      countHit(app.prisma, `${this.scope}|${key}`, timeWindow).then(
        (hit) => callback(null, { current: hit.count, ttl: Math.ceil(hit.ttlMs) }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback): void {
      readHits(app.prisma, `${this.scope}|${key}`).then(
        (hit) => callback(null, { current: hit.count, ttl: Math.ceil(hit.ttlMs) }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: RouteOptions & { path: string; prefix: string }) {
      // At run time the plugin passes its merged options with the route under `routeInfo`.
      const route = (routeOptions as { routeInfo?: Partial<RouteOptions> }).routeInfo ?? routeOptions;
      return new PostgresRateLimitStore(`${String(route.method ?? '')} ${route.url ?? ''}`.trim() || 'route');
    }
  };
}

/**
 * Off by default; routes opt in with `config.rateLimit` (sign-up, sign-in, password changes).
 * Clients are told apart by `request.ip`, which honours X-Forwarded-For only from the proxies
 * TRUST_PROXY names. Limits over 429 leave as problem+json through the error handler.
 */
export default fp(
  async (app) => {
    await app.register(rateLimit, { global: false, store: postgresStore(app) });
  },
  { name: 'rate-limit' },
);
