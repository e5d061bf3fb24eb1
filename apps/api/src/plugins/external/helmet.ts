import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';
import fp from 'fastify-plugin';

/**
 * Security headers for the API and the SPA it serves. The CSP is strict where it matters (scripts
 * only from our own origin, no plugins, no framing by other sites) and relaxed where the SPA and
 * Swagger UI need it: both set inline styles, and Swagger UI shows data: images.
 */
const OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      // No upgrade-insecure-requests: the app is often served over plain http on localhost or a
      // LAN, where upgrading its own asset requests to https would break the page.
    },
  },
};

/** Headers that belong to the probe's own response, not to helmet. */
const NOT_HELMET = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * These headers are the same on every response (no CSP nonces), but @fastify/helmet rebuilds
 * helmet's middleware, CSP parsing included, on every request: about a twelfth of the API's CPU
 * on an autosave (docs/benchmarks.md). So helmet computes them once, on a throwaway instance at
 * startup, and one hook sets them: helmet stays the source of every header and value.
 */
async function helmetHeaders(): Promise<Record<string, string>> {
  const probe = Fastify();
  await probe.register(helmet, OPTIONS);
  probe.get('/', async () => '');
  const res = await probe.inject('/');
  await probe.close();
  return Object.fromEntries(
    Object.entries(res.headers)
      .filter(([name, value]) => !NOT_HELMET.has(name) && value !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );
}

export default fp(
  async (app) => {
    const headers = await helmetHeaders();
    app.addHook('onRequest', async (_request, reply) => {
      reply.headers(headers);
    });
  },
  { name: 'helmet' },
);
