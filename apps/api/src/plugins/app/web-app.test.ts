import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import Fastify from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webApp from './web-app.ts';

// A built SPA in miniature: index.html and a hashed script with its (hidden) source map.
let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'saa-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>SAA</title>');
  await writeFile(path.join(dist, 'assets/index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(dist, 'assets/index-abc123.js.map'), '{"version":3}');
  await writeFile(path.join(dist, 'assets/index-abc123.js.br'), BROTLI_COPY);
});
afterAll(() => rm(dist, { recursive: true, force: true }));

const BROTLI_COPY = brotliCompressSync('console.log(1)');

async function serve(serveSourceMaps: boolean) {
  const app = Fastify();
  await app.register(webApp, { distDir: dist, serveSourceMaps });
  await app.ready();
  return app;
}

describe('serving the built web app', () => {
  it('keeps source maps on the server unless SERVE_SOURCE_MAPS asks for them', async () => {
    const production = await serve(false);
    await request(production.server).get('/assets/index-abc123.js.map').set('accept', '*/*').expect(404);
    await request(production.server).get('/assets/index-abc123.js').expect(200);
    await production.close();

    const debugging = await serve(true);
    await request(debugging.server).get('/assets/index-abc123.js.map').expect(200);
    await debugging.close();
  });

  it('caches hashed assets for a year and revalidates index.html', async () => {
    const app = await serve(false);
    const asset = await request(app.server).get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await request(app.server).get('/practice').set('accept', 'text/html').expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    await app.close();
  });

  it('sends the brotli copy the build made to browsers that accept it', async () => {
    const app = await serve(false);
    const res = await request(app.server).get('/assets/index-abc123.js').set('accept-encoding', 'br, gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('br');
    // The length of the precompressed file, not of a copy compressed on the fly.
    expect(res.headers['content-length']).toBe(String(BROTLI_COPY.length));
    expect(res.text).toBe('console.log(1)');
    await app.close();
  });
});
