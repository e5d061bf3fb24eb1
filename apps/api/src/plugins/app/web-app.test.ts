import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
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
  await writeFile(path.join(dist, 'assets/index-abc123.js.br'), brotliCompressSync('console.log(1)'));
});
afterAll(() => rm(dist, { recursive: true, force: true }));

async function serve(serveSourceMaps: boolean) {
  const app = Fastify();
  await app.register(webApp, { distDir: dist, serveSourceMaps });
  return app;
}

describe('serving the built web app', () => {
  it('keeps source maps on the server unless SERVE_SOURCE_MAPS asks for them', async () => {
    const production = await serve(false);
    const hidden = await production.inject({ url: '/assets/index-abc123.js.map', headers: { accept: '*/*' } });
    expect(hidden.statusCode).toBe(404);
    expect((await production.inject('/assets/index-abc123.js')).statusCode).toBe(200);
    await production.close();

    const debugging = await serve(true);
    expect((await debugging.inject('/assets/index-abc123.js.map')).statusCode).toBe(200);
    await debugging.close();
  });

  it('caches hashed assets for a year and revalidates index.html', async () => {
    const app = await serve(false);
    const asset = await app.inject('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await app.inject({ url: '/practice', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    await app.close();
  });

  it('sends the brotli copy the build made to browsers that accept it', async () => {
    const app = await serve(false);
    const res = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe('console.log(1)');
    await app.close();
  });
});
