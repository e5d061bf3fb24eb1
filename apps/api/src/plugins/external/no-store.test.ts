import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { TEST_PASSWORD, uniqueEmail } from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

describe('caching of API answers', () => {
  it('marks API answers no-store, signed in or not', async () => {
    const signup = await request(app.server)
      .post('/api/auth/signup')
      .send({ email: uniqueEmail(), password: TEST_PASSWORD })
      .expect(201);
    expect(signup.headers['cache-control']).toBe('no-store');
    const cookie = (signup.headers['set-cookie'] as unknown as string[]).join('; ');
    const stats = await request(app.server).get('/api/stats').set('cookie', cookie).expect(200);
    expect(stats.headers['cache-control']).toBe('no-store');
    const denied = await request(app.server).get('/api/stats').expect(401);
    expect(denied.headers['cache-control']).toBe('no-store');
  });
});
