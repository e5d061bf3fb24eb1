import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * Security headers for the API and the SPA it serves. The CSP is strict where it matters (scripts
 * only from our own origin, no plugins, no framing by other sites) and relaxed where the SPA and
 * Swagger UI need it: both set inline styles, and Swagger UI shows data: images.
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
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
    });
  },
  { name: 'helmet' },
);
