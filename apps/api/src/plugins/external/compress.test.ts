import { brotliDecompressSync } from 'node:zlib';
import { CatalogResponse } from '@saa/contract/catalog';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

describe('response compression', () => {
  it('compresses JSON over 1 KB with brotli or gzip, as the client accepts', async () => {
    const br = await app.inject({ method: 'GET', url: '/api/catalog', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    const body = brotliDecompressSync(br.rawPayload).toString('utf8');
    expect(CatalogResponse.parse(JSON.parse(body)).sections).toHaveLength(78);
    expect(br.rawPayload.length).toBeLessThan(body.length / 3);

    const gzip = await request(app.server).get('/api/catalog').set('accept-encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ method: 'GET', url: '/api/catalog', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('leaves small responses alone', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
