import fp from 'fastify-plugin';
import { AppError } from '../../lib/app-error.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * CSRF defence in depth next to SameSite=Lax cookies: a state-changing request that a browser
 * marks as coming from another site is refused, unless that site is a configured CORS origin.
 * Requests without Origin (curl, server-to-server, old browsers on same-origin forms) pass: they
 * cannot carry a victim's cookies from a foreign page in a modern browser.
 */
export default fp<{ origins: string[] }>(
  async (app, opts) => {
    const trusted = new Set(opts.origins.map(originOf).filter((o): o is string => o !== null));

    app.addHook('onRequest', async (request) => {
      if (!STATE_CHANGING.has(request.method)) return;
      const originHeader = request.headers.origin;
      const origin = originHeader === undefined ? undefined : originOf(originHeader);
      if (origin && trusted.has(origin)) return;

      const own = originOf(`${request.protocol}://${request.host}`);
      const crossSite = request.headers['sec-fetch-site'] === 'cross-site';
      if (crossSite || (originHeader !== undefined && origin !== own)) {
        throw new AppError('forbidden', 'Cross-site request refused: this action must come from the app itself.');
      }
    });
  },
  { name: 'origin-check' },
);
