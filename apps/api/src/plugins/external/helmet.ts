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
  // One framing policy: no site may frame the app, said both ways (CSP frame-ancestors 'none' for
  // current browsers, X-Frame-Options DENY for old ones).
  frameguard: { action: 'deny' },
  // HSTS is added per request, over HTTPS only (below): over plain http it means nothing and would
  // pin a localhost or LAN install to https that it does not have.
  strictTransportSecurity: false,
};

/** One year, subdomains included: the value helmet would send. */
const HSTS = 'max-age=31536000; includeSubDomains';

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
    app.addHook('onRequest', async (request, reply) => {
      reply.headers(headers);
      // request.protocol says https directly, or through a proxy TRUST_PROXY trusts.
      if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    });
    // Answers of the API are about one user, or change by the minute: never stored by a browser or
    // a shared cache (a shared computer's back button must not show someone's exam).
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
        reply.header('cache-control', 'no-store');
    });
  },
  { name: 'helmet' },
);
