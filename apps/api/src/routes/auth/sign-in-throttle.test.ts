import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { signedInAgent } from '../../../test/factories.ts';

// Behind one trusted proxy, with the per-address limit out of the way: each guess comes from
// another address, as from a botnet.
const app = await buildTestApp({ TRUST_PROXY: '1', AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
afterAll(() => app.close());

const guess = (email: string, password: string, i: number) =>
  request(app.server)
    .post('/api/auth/login')
    .set('x-forwarded-for', `198.51.100.${i % 250}`)
    .send({ email, password });

describe('failed sign-ins per account', () => {
  it('slow 30 guesses from 30 addresses after 5 failures, then let the right password in once the delay is over', async () => {
    const victim = await signedInAgent(app);
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i < 30; i++) {
      const res = await guess(victim.email, `wrong guess number ${i}`, i);
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = Number(res.headers['retry-after']);
        expect(res.body.detail).toMatch(/Too many failed sign-ins for this account/);
      }
    }
    // Five free failures and the sixth that starts the delay, then held back.
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(6).every((s) => s === 429)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);

    // Even the right password waits: the delay says nothing about which guess was right.
    expect((await guess(victim.email, victim.password, 99)).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    expect((await guess(victim.email, victim.password, 100)).status).toBe(200);
    // A success clears the count: the next failure is a free one again.
    expect((await guess(victim.email, 'another wrong one', 101)).status).toBe(401);
    expect((await guess(victim.email, 'and another wrong one', 102)).status).toBe(401);
  });

  it('doubles the delay with each further failure, never locking for good', async () => {
    const victim = await signedInAgent(app);
    await app.prisma.signInFailure.create({
      data: { email: victim.email, failures: 12, lastFailureAt: new Date(), blockedUntil: null },
    });
    expect((await guess(victim.email, 'one more wrong guess', 1)).status).toBe(401);
    const row = await app.prisma.signInFailure.findUniqueOrThrow({ where: { email: victim.email } });
    const delay = (row.blockedUntil?.getTime() ?? 0) - row.lastFailureAt.getTime();
    // The 13th failure: 1 s for the 6th, doubled seven times since = 128 s.
    expect(delay).toBe(128_000);

    // An hour after the last failure it is all forgotten.
    await app.prisma.signInFailure.update({
      where: { email: victim.email },
      data: { lastFailureAt: new Date(Date.now() - 61 * 60_000), blockedUntil: new Date(Date.now() - 60 * 60_000) },
    });
    expect((await guess(victim.email, 'after an hour', 2)).status).toBe(401);
    expect((await app.prisma.signInFailure.findUniqueOrThrow({ where: { email: victim.email } })).failures).toBe(1);
  });
});

describe('new passwords', () => {
  it('are refused when common or breached-style, naming the field and why; 64 and more characters are fine', async () => {
    for (const password of ['password123', 'qwertyuiop', 'Summer2024!']) {
      const res = await request(app.server)
        .post('/api/auth/signup')
        .send({ email: `weak-${password.replace(/[^a-z0-9]/gi, '')}@example.test`, password });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'body.password', message: expect.stringMatching(/^this password is too easy to guess/) },
      ]);
    }
    const long = 'seven violet tractors hum beneath a patient granite moon '.repeat(2).slice(0, 100);
    await request(app.server)
      .post('/api/auth/signup')
      .send({ email: 'long-pass@example.test', password: long })
      .expect(201);
  });
});
