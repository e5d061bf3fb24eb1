import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { uniqueEmail } from '../../../test/factories.ts';

// Two instances of the API on one database, as behind a load balancer.
const [first, second] = await Promise.all([
  buildTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '4', TRUST_PROXY: '1' }),
  buildTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '4', TRUST_PROXY: '1' }),
]);
afterAll(() => Promise.all([first.close(), second.close()]));

const login = (instance: number, forwardedFor: string) =>
  request((instance % 2 === 0 ? first : second).server)
    .post('/api/auth/login')
    .set('x-forwarded-for', forwardedFor)
    // A new email each time: this is about the per-address limit, not the per-account one.
    .send({ email: uniqueEmail('nobody'), password: 'not the password at all' });

describe('rate limits', () => {
  it('hold in total across instances sharing one database', async () => {
    const statuses: number[] = [];
    // Alternate between the instances: each one alone would allow 4 a minute.
    for (let i = 0; i < 6; i++) statuses.push((await login(i, '198.51.100.20')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('count the address the trusted proxy saw, whatever the client writes in X-Forwarded-For', async () => {
    const statuses: number[] = [];
    // A client forging a new address each time: with one trusted hop only the rightmost entry
    // (added by the proxy) counts, so all of these are one client.
    for (let i = 0; i < 6; i++) statuses.push((await login(i, `10.9.${i}.${i}, 203.0.113.77`)).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    // Another real client is not affected.
    expect((await login(0, '203.0.113.78')).status).toBe(401);
  });
});
