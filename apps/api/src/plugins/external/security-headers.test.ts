import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { TEST_PASSWORD, uniqueEmail } from '../../../test/factories.ts';

describe('helmet', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('sends a CSP that allows only our own scripts, plus the usual hardening headers', async () => {
    const res = await request(app.server).get('/api/health').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('has one framing policy: CSP frame-ancestors none and X-Frame-Options DENY agree', async () => {
    const res = await request(app.server).get('/api/health').expect(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('sends HSTS over HTTPS only', async () => {
    const plain = await request(app.server).get('/api/health').expect(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // A client's own X-Forwarded-Proto is ignored when no proxy is trusted.
    const forged = await request(app.server).get('/api/health').set('x-forwarded-proto', 'https').expect(200);
    expect(forged.headers['strict-transport-security']).toBeUndefined();
    const proxied = await buildTestApp({ TRUST_PROXY: '1' });
    try {
      const tls = await request(proxied.server).get('/api/health').set('x-forwarded-proto', 'https').expect(200);
      expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await proxied.close();
    }
  });

  it('keeps /api/docs (Swagger UI) working under that CSP', async () => {
    const page = await request(app.server).get('/api/docs/').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    // Swagger UI loads only external scripts from our origin: no inline script the CSP would block.
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\.\/static\//);
      expect(body?.trim()).toBe('');
    }
    await request(app.server).get('/api/docs/static/swagger-initializer.js').expect(200);
    const spec = await request(app.server).get('/api/docs/json').expect(200);
    expect(spec.body.openapi).toMatch(/^3\./);
  });
});

describe('rate limiting of sign-in and sign-up', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => app.close());

  it('answers 429 problem+json after AUTH_RATE_LIMIT_PER_MINUTE login attempts', async () => {
    const attempt = () =>
      request(app.server).post('/api/auth/login').send({ email: uniqueEmail(), password: TEST_PASSWORD });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('limits sign-up too, but not other routes', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await request(app.server).post('/api/auth/signup').send({ email: 'bad', password: 'x' })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
    for (let i = 0; i < 5; i++) await request(app.server).get('/api/catalog').expect(200);
  });
});
