import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import fp from 'fastify-plugin';

/**
 * Responses over 1 KB go out compressed (brotli or gzip, as the client accepts): a 65-question exam
 * or a review is tens of KB of JSON, which a phone on a slow link feels. Smaller bodies are not
 * worth the CPU. Static assets are compressed once at build time instead (see web-app.ts).
 */
export default fp(
  async (app) => {
    await app.register(compress, {
      threshold: 1024,
      encodings: ['br', 'gzip'],
      // Quality 4 keeps brotli's CPU cost near gzip's for dynamic responses.
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    });
  },
  { name: 'compress' },
);
