import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { sendProblem } from './error-handler.ts';

/**
 * Serves the built SPA at / and answers every unknown path: API paths get a 404 problem, other
 * GETs that accept HTML get index.html so that client-side routes survive a reload.
 */
export default fp<{ distDir: string | null; serveSourceMaps?: boolean }>(
  async (app, opts) => {
    const distDir = opts.distDir && existsSync(path.join(opts.distDir, 'index.html')) ? opts.distDir : null;
    if (distDir) {
      await app.register(fastifyStatic, {
        root: distDir,
        wildcard: false,
        index: false,
        // Precompressed copies (.br, .gz) written by the build go out when the browser accepts them.
        preCompressed: true,
        // Source maps stay on the server unless asked for (they show the whole source).
        allowedPath: (pathName) => opts.serveSourceMaps === true || !pathName.endsWith('.map'),
        // Hashed assets never change; index.html must always be revalidated.
        cacheControl: false,
        setHeaders: (reply, filePath) => {
          const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
          reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }
    app.setNotFoundHandler((request, reply) => {
      const isPage =
        request.method === 'GET' && !request.url.startsWith('/api') && request.headers.accept?.includes('text/html');
      if (distDir && (isPage || request.url === '/')) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return sendProblem(
        request,
        reply,
        404,
        'not_found',
        `No route for ${request.method} ${request.url.split('?')[0]}.`,
      );
    });
  },
  { name: 'web-app' },
);
