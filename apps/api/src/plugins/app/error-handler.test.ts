import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testConfig, testDatabaseUrl } from '../../../test/build-test-app.ts';
import { app as appPlugin, serverOptions } from '../../app.ts';
import { AppError } from '../../lib/app-error.ts';

// The real app plus a few probe routes that fail in each way a handler can.
const server = Fastify(serverOptions(testConfig())).withTypeProvider<ZodTypeProvider>();

beforeAll(async () => {
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  await server.register(appPlugin, { config: testConfig(), databaseUrl: testDatabaseUrl() });
  server.post(
    '/api/probe',
    { schema: { body: z.object({ name: z.string().min(2), count: z.number().int() }) } },
    async (req) => ({ ok: req.body.name }),
  );
  server.get('/api/probe/conflict', async () => {
    throw new AppError('conflict', 'That already happened.');
  });
  server.get('/api/probe/crash', async () => {
    throw new Error('secret internal detail: password=hunter2');
  });
  await server.ready();
});
afterAll(() => server.close());

describe('errors are RFC 9457 problem+json', () => {
  it('names every failing field of an invalid body', async () => {
    const res = await request(server.server).post('/api/probe').send({ name: 'x', count: 1.5 }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed', title: 'Bad Request' });
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.count', 'body.name']);
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await request(server.server)
      .post('/api/probe')
      .set('content-type', 'application/json')
      .send('{"name": "ab", ')
      .expect(400);
    expect(res.body).toMatchObject({ code: 'bad_request', detail: 'The request body is not valid JSON.' });
  });

  it('answers 413 to a body over the limit', async () => {
    const res = await request(server.server)
      .post('/api/probe')
      .send({ name: 'x'.repeat(70 * 1024), count: 1 })
      .expect(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('answers 415 to an unsupported content type', async () => {
    const res = await request(server.server).post('/api/probe').set('content-type', 'text/csv').send('a,b').expect(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('maps AppError codes through the one status table', async () => {
    const res = await request(server.server).get('/api/probe/conflict').expect(409);
    expect(res.body).toMatchObject({ code: 'conflict', detail: 'That already happened.' });
  });

  it('hides internals in 5xx bodies', async () => {
    const res = await request(server.server).get('/api/probe/crash').expect(500);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(res.body).toMatchObject({ code: 'internal', detail: 'Something went wrong on our side.' });
    expect(res.body.requestId).toEqual(expect.any(String));
  });

  it('answers what the router refuses by itself (too long a parameter, a malformed URL) as problem+json', async () => {
    const long = await request(server.server)
      .get(`/api/attempts/${'0'.repeat(300)}`)
      .expect(414);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.body).toMatchObject({ status: 414, code: 'uri_too_long', title: 'URI Too Long' });
    const bad = await request(server.server).get('/api/attempts/%zz').expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('answers unknown API routes with 404 problem+json', async () => {
    const res = await request(server.server).get('/api/no-such-thing').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'not_found', instance: '/api/no-such-thing' });
  });
});
