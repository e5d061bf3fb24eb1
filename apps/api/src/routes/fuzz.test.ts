import { Agent } from 'node:http';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/build-test-app.ts';
import { signedInAgent, startAttempt } from '../../test/factories.ts';

// Property-based fuzzing of every route's params, query and body: more than 6,000 requests over
// kept-alive connections to the app listening on a local port. Whatever comes in: never a 5xx; every 4xx is
// problem+json; a validation error names each field; too large a body is 413; bad JSON is 400.

let app: FastifyInstance;
let baseUrl: string;
// One connection reused by every request: a new one each time would triple the test's time.
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
let cookie: string;
let attemptId: string;
let submitId: string;
let sent = 0;

beforeAll(async () => {
  app = await buildTestApp();
  const me = await signedInAgent(app);
  cookie = (await me.agent.get('/api/auth/me').expect(200)).request.cookies;
  attemptId = (await startAttempt(me.agent, { mode: 'mock' })).id;
  submitId = (await startAttempt(me.agent, { mode: 'practice', questionCount: 3 })).id;
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  keepAlive.destroy();
  await app.close();
});

const FIELD = /^(body|params|querystring|headers)(\.|$)/;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

interface Probe {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  /** A string goes as it is (malformed JSON, other media types); anything else as JSON. */
  payload?: unknown;
}

interface Answer {
  statusCode: number;
  headers: Record<string, string>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests check response bodies field by field
  json(): any;
}

/** Sends one request and checks the answer against the rules above; returns it for more checks. */
async function send(probe: Probe): Promise<Answer> {
  sent++;
  const { method, url, headers = {}, payload } = probe;
  let call = request(baseUrl)[method.toLowerCase() as Lowercase<Method>](url).agent(keepAlive).set(headers);
  if (payload !== undefined) {
    if (typeof payload !== 'string' && !headers['content-type']) call = call.set('content-type', 'application/json');
    call = call.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
  }
  const raw = await call.buffer(true).parse((stream, done) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text += chunk;
    });
    stream.on('end', () => done(null, text));
  });
  const res: Answer = {
    statusCode: raw.status,
    headers: raw.headers,
    text: raw.body as string,
    json: () => JSON.parse(raw.body as string),
  };
  const what = () =>
    `${method} ${url} ${JSON.stringify(payload ?? null).slice(0, 300)} -> ${res.statusCode} ${res.text.slice(0, 300)}`;
  expect(res.statusCode, what()).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(res.headers['content-type'], what()).toContain('application/problem+json');
    const body = res.json();
    expect(body.status, what()).toBe(res.statusCode);
    expect(typeof body.code, what()).toBe('string');
    if (body.code === 'validation_failed') {
      expect(body.errors?.length, what()).toBeGreaterThan(0);
      for (const e of body.errors) expect(e.field, what()).toMatch(FIELD);
    }
  }
  return res;
}

const authed = (extra: Record<string, string> = {}) => ({ cookie, ...extra });

// Building blocks.
const junk = fc.jsonValue({ maxDepth: 2 });
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
const segment = (valid: string) =>
  fc
    .oneof(
      { arbitrary: fc.constant(valid), weight: 2 },
      { arbitrary: fc.uuid(), weight: 2 },
      { arbitrary: text, weight: 3 },
      { arbitrary: fc.constantFrom('..', '%', '%00', ' ', 'null', '-1', '0'.repeat(300)), weight: 1 },
    )
    .map((s) => encodeURIComponent(s));
const position = fc
  .oneof(
    fc.integer({ min: -5, max: 200 }).map(String),
    fc.double({ noNaN: false }).map(String),
    text,
    fc.constantFrom('1', '65', '66', '130', '131', '1e1', '0x10', ' 1', ''),
  )
  .map((s) => encodeURIComponent(s));
const query = (keys: string[]) =>
  fc
    .dictionary(fc.constantFrom(...keys, 'x', ''), fc.oneof(text, fc.integer().map(String)), { maxKeys: 4 })
    .map((q) => {
      const s = new URLSearchParams(q).toString();
      return s ? `?${s}` : '';
    });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, junk);
const optionIds = fc.array(fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), text), { maxLength: 8 });

describe('fuzzing every route', () => {
  it('health, catalog, me and stats take any query and any cookie', async () => {
    const cookieValue = fc.oneof(
      fc.constant(cookie),
      fc.constant(''),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,60}$/).map((v) => `saa_session=${v}`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/health', '/api/catalog', '/api/auth/me', '/api/stats'),
        query(['limit', 'cursor']),
        cookieValue,
        async (path, q, c) => {
          await send({ method: 'GET', url: `${path}${q}`, headers: c ? { cookie: c } : {} });
        },
      ),
      { numRuns: 900 },
    );
  });

  it('sign-up, sign-in and sign-out take any body', async () => {
    const credentials = fc.record(
      {
        email: fc.oneof(
          { arbitrary: fc.emailAddress(), weight: 1 },
          { arbitrary: junk, weight: 3 },
          { arbitrary: text, weight: 2 },
        ),
        password: fc.oneof(
          fc.string({ minLength: 8, maxLength: 20 }),
          text,
          junk,
          fc.string({ minLength: 129, maxLength: 140 }),
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/auth/signup', '/api/auth/login', '/api/auth/logout'),
        fc.oneof({ arbitrary: credentials, weight: 4 }, { arbitrary: junk, weight: 1 }),
        async (url, payload) => {
          await send({ method: 'POST', url, payload });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('POST /api/attempts takes any body', async () => {
    const body = fc.record(
      {
        mode: maybe(fc.constantFrom('mock', 'practice', 'drill')),
        domains: maybe(
          fc.array(fc.constantFrom('secure', 'resilient', 'high-performing', 'cost-optimized', 'x'), { maxLength: 5 }),
        ),
        sections: maybe(
          fc.array(fc.oneof(fc.constantFrom('lambda', 'dax', 'vpc', 'iam-roles'), text), { maxLength: 4 }),
        ),
        questionCount: maybe(fc.integer({ min: -5, max: 200 })),
        timeLimitMinutes: maybe(fc.oneof(fc.integer({ min: -5, max: 700 }), fc.constant(null))),
        feedback: maybe(fc.constantFrom('deferred', 'immediate')),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: body, weight: 5 }, { arbitrary: junk, weight: 1 }), async (payload) => {
        const res = await send({ method: 'POST', url: '/api/attempts', headers: authed(), payload });
        if (res.statusCode < 400) expect(res.statusCode).toBe(201);
      }),
      { numRuns: 600 },
    );
  });

  it('GET /api/attempts takes any query', async () => {
    await fc.assert(
      fc.asyncProperty(query(['limit', 'cursor']), async (q) => {
        await send({ method: 'GET', url: `/api/attempts${q}`, headers: authed() });
      }),
      { numRuns: 900 },
    );
  });

  it('GET /api/attempts/:id and its review take any id and filter', async () => {
    await fc.assert(
      fc.asyncProperty(segment(''), fc.boolean(), query(['filter']), async (id, review, q) => {
        const target = id === '' ? attemptId : id;
        await send({ method: 'GET', url: `/api/attempts/${target}${review ? '/review' : ''}${q}`, headers: authed() });
      }),
      { numRuns: 1_200 },
    );
  });

  it('PUT /api/attempts/:id/answers/:position takes any params and body', async () => {
    const body = fc.record(
      {
        selected: maybe(optionIds),
        flagged: maybe(fc.boolean()),
        seq: maybe(fc.oneof(fc.integer({ min: -2, max: 5_000 }), fc.constant(2_147_483_648), fc.double())),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        segment(''),
        position,
        fc.oneof({ arbitrary: body, weight: 6 }, { arbitrary: junk, weight: 1 }),
        async (id, pos, payload) => {
          const target = id === '' ? attemptId : id;
          const res = await send({
            method: 'PUT',
            url: `/api/attempts/${target}/answers/${pos}`,
            headers: authed(),
            payload,
          });
          if (res.statusCode < 400) expect(res.statusCode).toBe(200);
        },
      ),
      { numRuns: 1_500 },
    );
  });

  it('POST /api/attempts/:id/submit takes any id', async () => {
    await fc.assert(
      fc.asyncProperty(segment(submitId), junk, async (id, payload) => {
        await send({
          method: 'POST',
          url: `/api/attempts/${id}/submit`,
          headers: authed(),
          payload,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('unknown paths and methods under /api answer 404 or 405 problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.array(fc.oneof(fc.constantFrom('attempts', 'auth', 'stats', 'catalog', attemptId, 'answers', '1'), text), {
          minLength: 1,
          maxLength: 5,
        }),
        async (method, parts) => {
          const url = `/api/${parts.map((p) => encodeURIComponent(p)).join('/')}`;
          await send({ method, url, headers: authed(), ...(method === 'GET' ? {} : { payload: {} }) });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers malformed JSON with 400, other media types with 415 and plain text as an invalid body', async () => {
    const writes = [
      { method: 'POST', url: '/api/auth/signup' },
      { method: 'POST', url: '/api/auth/login' },
      { method: 'POST', url: '/api/attempts' },
      { method: 'PUT', url: () => `/api/attempts/${attemptId}/answers/1` },
    ] as const;
    const malformed = fc
      .oneof(fc.constantFrom('{', '{"selected": [}', '[1,2', 'nul', '{"a":1,}', "{'a':1}", '"unterminated'), text)
      .filter((s) => {
        try {
          JSON.parse(s);
          return false;
        } catch {
          return s.trim() !== '';
        }
      });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), malformed, async (route, payload) => {
        const url = typeof route.url === 'function' ? route.url() : route.url;
        const res = await send({
          method: route.method,
          url,
          headers: authed({ 'content-type': 'application/json' }),
          payload,
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('bad_request');
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes),
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
        ),
        text,
        async (route, type, payload) => {
          const url = typeof route.url === 'function' ? route.url() : route.url;
          const res = await send({ method: route.method, url, headers: authed({ 'content-type': type }), payload });
          // Fastify reads text/plain as a string, which no body schema accepts: a 400 naming the body.
          if (type === 'text/plain') expect(res.json().errors?.[0]?.field).toBe('body');
          else expect(res.statusCode).toBe(415);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers 413 to any body over the 64 KiB limit, and not to one just under it', async () => {
    const writes = ['/api/auth/signup', '/api/attempts', 'answers'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes),
        fc.integer({ min: 64 * 1024 + 1, max: 256 * 1024 }),
        async (route, size) => {
          const url = route === 'answers' ? `/api/attempts/${attemptId}/answers/2` : route;
          const payload = JSON.stringify({ selected: ['x'.repeat(size)], flagged: false, seq: 1 });
          const res = await send({
            method: route === 'answers' ? 'PUT' : 'POST',
            url,
            headers: authed({ 'content-type': 'application/json' }),
            payload,
          });
          expect(res.statusCode).toBe(413);
          expect(res.json().code).toBe('payload_too_large');
        },
      ),
      { numRuns: 60 },
    );
    const under = JSON.stringify({ selected: ['x'.repeat(60 * 1024)], flagged: false, seq: 1 });
    const res = await send({
      method: 'PUT',
      url: `/api/attempts/${attemptId}/answers/2`,
      headers: authed({ 'content-type': 'application/json' }),
      payload: under,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.selected.0');
  });

  it('sent more than 6,000 requests in all', () => {
    expect(sent).toBeGreaterThan(6_000);
  });
});
