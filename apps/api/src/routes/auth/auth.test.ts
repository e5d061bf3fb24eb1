import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { signedInAgent, TEST_PASSWORD, uniqueEmail } from '../../../test/factories.ts';
import { sessionIdOf } from '../../lib/session-token.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith('saa_session='));
}
const tokenOf = (cookie: string | undefined) => cookie?.split(';')[0]?.split('=')[1] ?? '';

describe('sign-up', () => {
  it('creates the account, stores an Argon2id hash and signs in with a hardened cookie', async () => {
    const email = uniqueEmail('Signup');
    const res = await request(app.server)
      .post('/api/auth/signup')
      .send({ email: email.toUpperCase(), password: TEST_PASSWORD })
      .expect(201);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      createdAt: expect.any(String),
      role: 'user',
    });
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    expect(tokenOf(cookie)).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const user = await app.prisma.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
    // Only the token's hash is stored.
    const session = await app.prisma.session.findUnique({ where: { id: sessionIdOf(tokenOf(cookie)) } });
    expect(session?.userId).toBe(user.id);
  });

  it('marks the cookie Secure behind a TLS proxy when TRUST_PROXY is on', async () => {
    const proxied = await buildTestApp({ TRUST_PROXY: '1' });
    try {
      const res = await request(proxied.server)
        .post('/api/auth/signup')
        .set('x-forwarded-proto', 'https')
        .send({ email: uniqueEmail(), password: TEST_PASSWORD })
        .expect(201);
      expect(sessionCookie(res)).toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('answers 409 email_taken for an existing email', async () => {
    const { email } = await signedInAgent(app);
    const res = await request(app.server).post('/api/auth/signup').send({ email, password: TEST_PASSWORD }).expect(409);
    expect(res.body).toMatchObject({ code: 'email_taken', status: 409 });
  });

  it('enforces 8-128 character passwords and a valid email, naming the field', async () => {
    const short = await request(app.server)
      .post('/api/auth/signup')
      .send({ email: uniqueEmail(), password: 'short' })
      .expect(400);
    expect(short.body.errors).toEqual([{ field: 'body.password', message: 'must be at least 8 characters' }]);
    await request(app.server)
      .post('/api/auth/signup')
      .send({ email: uniqueEmail(), password: 'x'.repeat(129) })
      .expect(400);
    const email = await request(app.server)
      .post('/api/auth/signup')
      .send({ email: 'not-an-email', password: TEST_PASSWORD })
      .expect(400);
    expect(email.body.errors[0].field).toBe('body.email');
  });
});

describe('sign-in', () => {
  it('issues a new session id at every login and revokes the one the browser held', async () => {
    const { agent, email } = await signedInAgent(app);
    const first = await agent.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const second = await agent.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const [a, b] = [tokenOf(sessionCookie(first)), tokenOf(sessionCookie(second))];
    expect(a).not.toBe(b);
    expect(second.body.user.email).toBe(email);
    expect(await app.prisma.session.findUnique({ where: { id: sessionIdOf(a) } })).toBeNull();
    await request(app.server).get('/api/auth/me').set('cookie', `saa_session=${a}`).expect(401);
    await request(app.server).get('/api/auth/me').set('cookie', `saa_session=${b}`).expect(200);
  });

  it('answers 401 with the same message for an unknown email and a wrong password', async () => {
    const { email } = await signedInAgent(app);
    const wrong = await request(app.server)
      .post('/api/auth/login')
      .send({ email, password: 'wrong password!' })
      .expect(401);
    const unknown = await request(app.server)
      .post('/api/auth/login')
      .send({ email: uniqueEmail('nobody'), password: TEST_PASSWORD })
      .expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.code).toBe('unauthenticated');
    expect(sessionCookie(wrong)).toBeUndefined();
  });
});

describe('sessions', () => {
  it('GET /me answers the user with a session and 401 problem+json without one', async () => {
    const { agent, user } = await signedInAgent(app);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.user).toEqual(user);
    const anonymous = await request(app.server).get('/api/auth/me').expect(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    await request(app.server).get('/api/auth/me').set('cookie', 'saa_session=forged').expect(401);
    await request(app.server)
      .get('/api/auth/me')
      .set('cookie', `saa_session=${'A'.repeat(43)}`)
      .expect(401);
  });

  it('logout revokes the session row and clears the cookie', async () => {
    const { agent } = await signedInAgent(app);
    const me = await agent.get('/api/auth/me').expect(200);
    const userId = me.body.user.id;
    expect(await app.prisma.session.count({ where: { userId } })).toBe(1);
    const out = await agent.post('/api/auth/logout').expect(204);
    expect(sessionCookie(out)).toMatch(/saa_session=;/);
    expect(await app.prisma.session.count({ where: { userId } })).toBe(0);
    await agent.get('/api/auth/me').expect(401);
    // Signing out twice (or without a session) is fine.
    await request(app.server).post('/api/auth/logout').expect(204);
  });

  it('ends a session left idle longer than SESSION_IDLE_HOURS', async () => {
    const { agent, user } = await signedInAgent(app);
    await app.prisma.session.updateMany({
      where: { userId: user.id },
      data: { lastSeenAt: new Date(Date.now() - 73 * 3_600_000) },
    });
    const res = await agent.get('/api/auth/me').expect(401);
    expect(res.body.detail).toMatch(/session has ended/);
    expect(sessionCookie(res)).toMatch(/^saa_session=;/);
    expect(await app.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('ends a session at its absolute lifetime however active it is', async () => {
    const { agent, user } = await signedInAgent(app);
    await app.prisma.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
    });
    await agent.get('/api/auth/me').expect(401);
  });

  it('sets the absolute lifetime from SESSION_MAX_DAYS and refreshes lastSeenAt at most once a minute', async () => {
    const { agent, user } = await signedInAgent(app);
    const session = await app.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    const days = (session.expiresAt.getTime() - session.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(30, 3);

    await agent.get('/api/auth/me').expect(200);
    const unchanged = await app.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(unchanged.lastSeenAt).toEqual(session.lastSeenAt);

    const old = new Date(Date.now() - 5 * 60_000);
    await app.prisma.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: old } });
    await agent.get('/api/auth/me').expect(200);
    const touched = await app.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(old.getTime() + 60_000);
  });

  it('GET /session answers 200 with the user, or with null and no error without a session', async () => {
    const anonymous = await request(app.server).get('/api/auth/session').expect(200);
    expect(anonymous.body).toEqual({ user: null });
    const me = await signedInAgent(app);
    const signedIn = await me.agent.get('/api/auth/session').expect(200);
    expect(signedIn.body.user).toMatchObject({ id: me.user.id, email: me.email });
    const stale = await request(app.server)
      .get('/api/auth/session')
      .set('cookie', 'saa_session=not-a-token')
      .expect(200);
    expect(stale.body).toEqual({ user: null });
  });
});
