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

// supertest decodes brotli and gzip itself: a body that parses under a Content-Encoding header
// was really sent compressed that way.
describe('response compression', () => {
  it('compresses JSON over 1 KB with brotli or gzip, as the client accepts', async () => {
    const br = await request(app.server).get('/api/catalog').set('accept-encoding', 'br, gzip').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(CatalogResponse.parse(br.body).sections).toHaveLength(78);

    const gzip = await request(app.server).get('/api/catalog').set('accept-encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body).toEqual(br.body);

    const plain = await request(app.server).get('/api/catalog').set('accept-encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(br.body);
  });

  it('leaves small responses alone', async () => {
    const res = await request(app.server).get('/api/health').set('accept-encoding', 'br, gzip').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
