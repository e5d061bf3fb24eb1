import getPort from 'get-port';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';

describe('GET /api/health', () => {
  it('answers 200 with the database up', async () => {
    const app = await buildTestApp();
    try {
      const res = await request(app.server).get('/api/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
    } finally {
      await app.close();
    }
  });

  it('answers 503 when the database cannot be reached, without crashing', async () => {
    const nowhere = `postgresql://postgres:x@127.0.0.1:${await getPort()}/nothing`;
    const app = await buildTestApp({}, nowhere);
    try {
      const res = await request(app.server).get('/api/health').expect(503);
      expect(res.body).toMatchObject({ status: 'unavailable', database: 'down' });
      // ...and still serves the next request.
      await request(app.server).get('/api/health').expect(503);
    } finally {
      await app.close();
    }
  });
});
