import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { TEST_PASSWORD, uniqueEmail } from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ CORS_ORIGINS: 'https://partner.example' });
});
afterAll(() => app.close());

const signup = () => ({ email: uniqueEmail(), password: TEST_PASSWORD });

describe('origin check on state-changing requests', () => {
  it('refuses a foreign Origin with 403 problem+json', async () => {
    const res = await request(app.server)
      .post('/api/auth/signup')
      .set('origin', 'https://evil.example')
      .send(signup())
      .expect(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'forbidden', status: 403 });
    await request(app.server).post('/api/auth/logout').set('origin', 'null').expect(403);
  });

  it('refuses Sec-Fetch-Site: cross-site even without Origin', async () => {
    await request(app.server).post('/api/auth/login').set('sec-fetch-site', 'cross-site').send(signup()).expect(403);
  });

  it('accepts the app’s own origin, no Origin at all, and configured CORS origins', async () => {
    const server = request(app.server);
    const same = await server
      .post('/api/auth/signup')
      .set('host', 'saa.example:8443')
      .set('origin', 'http://saa.example:8443')
      .set('sec-fetch-site', 'same-origin')
      .send(signup());
    expect(same.status).toBe(201);
    await server.post('/api/auth/signup').send(signup()).expect(201);
    await server
      .post('/api/auth/signup')
      .set('origin', 'https://partner.example')
      .set('sec-fetch-site', 'cross-site')
      .send(signup())
      .expect(201);
  });

  it('compares scheme and port too', async () => {
    await request(app.server)
      .post('/api/auth/signup')
      .set('host', 'saa.example:8443')
      .set('origin', 'https://saa.example:8443')
      .send(signup())
      .expect(403);
  });

  it('leaves reads alone', async () => {
    await request(app.server).get('/api/catalog').set('origin', 'https://evil.example').expect(200);
  });
});
