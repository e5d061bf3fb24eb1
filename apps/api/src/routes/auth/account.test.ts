import { AccountExportResponse } from '@saa/contract/auth';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { signedInAgent, startAttempt, TEST_PASSWORD } from '../../../test/factories.ts';
import { createResetLink } from '../../db/password-reset-link.ts';

const app = await buildTestApp();
afterAll(() => app.close());

const NEW_PASSWORD = 'seven violet tractors hum softly';

const login = (email: string, password: string) =>
  request(app.server).post('/api/auth/login').send({ email, password });

describe('changing the password', () => {
  it('needs the current password, refuses weak ones, and ends every other session', async () => {
    const me = await signedInAgent(app);
    const elsewhere = request.agent(app.server);
    await elsewhere.post('/api/auth/login').send({ email: me.email, password: TEST_PASSWORD }).expect(200);

    const wrong = await me.agent
      .post('/api/auth/password')
      .send({ currentPassword: 'not it at all', newPassword: NEW_PASSWORD })
      .expect(400);
    expect(wrong.body.errors).toEqual([
      { field: 'body.currentPassword', message: 'this is not your current password' },
    ]);
    const weak = await me.agent
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'password123' })
      .expect(400);
    expect(weak.body.errors[0].field).toBe('body.newPassword');

    await me.agent
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);
    await me.agent.get('/api/auth/me').expect(200);
    await elsewhere.get('/api/auth/me').expect(401);
    await login(me.email, TEST_PASSWORD).expect(401);
    await login(me.email, NEW_PASSWORD).expect(200);
  });
});

describe('signing out everywhere', () => {
  it('ends every session, this one included', async () => {
    const me = await signedInAgent(app);
    const elsewhere = request.agent(app.server);
    await elsewhere.post('/api/auth/login').send({ email: me.email, password: TEST_PASSWORD }).expect(200);
    await me.agent.post('/api/auth/logout-all').expect(204);
    await me.agent.get('/api/auth/me').expect(401);
    await elsewhere.get('/api/auth/me').expect(401);
  });
});

describe('exporting my data', () => {
  it('returns the account, attempts with answers and results, and saved questions; only mine', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 2 });
    const q = attempt.questions[0];
    await me.agent
      .put(`/api/attempts/${attempt.id}/answers/1`)
      .send({ selected: [q?.options[0]?.id], flagged: true, seq: 1 })
      .expect(200);
    await me.agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);
    await me.agent.put(`/api/saved/${q?.questionId}`).send({ note: 'look again' }).expect(200);
    const other = await signedInAgent(app);
    await startAttempt(other.agent, { mode: 'practice', questionCount: 1 });

    const res = await me.agent.get('/api/auth/export').expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="saa-practice-data-/);
    const data = AccountExportResponse.parse(res.body);
    expect(data.user.email).toBe(me.email);
    expect(data.attempts).toHaveLength(1);
    expect(data.attempts[0]).toMatchObject({ id: attempt.id, status: 'submitted' });
    expect(data.attempts[0]?.result).toMatchObject({ total: 2, answered: 1 });
    expect(data.attempts[0]?.items[0]).toMatchObject({ position: 1, flagged: true, selected: [q?.options[0]?.id] });
    expect(data.savedQuestions).toEqual([expect.objectContaining({ questionId: q?.questionId, note: 'look again' })]);
    expect(JSON.stringify(data)).not.toContain(other.email);
    expect(JSON.stringify(data)).not.toContain('passwordHash');
  });
});

describe('deleting the account', () => {
  it('asks for the password, then removes the account and all its data; signing in again fails', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 2 });
    const wrong = await me.agent.delete('/api/auth/me').send({ password: 'nope nope nope' }).expect(400);
    expect(wrong.body.errors[0].field).toBe('body.password');
    await me.agent.delete('/api/auth/me').send({}).expect(400);

    await me.agent.delete('/api/auth/me').send({ password: TEST_PASSWORD }).expect(204);
    expect(await app.prisma.user.count({ where: { id: me.user.id } })).toBe(0);
    expect(await app.prisma.attempt.count({ where: { id: attempt.id } })).toBe(0);
    expect(await app.prisma.attemptItem.count({ where: { attemptId: attempt.id } })).toBe(0);
    expect(await app.prisma.session.count({ where: { userId: me.user.id } })).toBe(0);
    await me.agent.get('/api/auth/me').expect(401);
    await login(me.email, TEST_PASSWORD).expect(401);
  });
});

describe('a forgotten password', () => {
  it('is reset with a one-time link that expires in 30 minutes', async () => {
    const me = await signedInAgent(app);
    const link = await createResetLink(app.prisma, me.email, 'https://saa.example');
    expect(link?.url).toMatch(/^https:\/\/saa\.example\/reset-password#token=[A-Za-z0-9_-]{43}$/);
    expect((link?.expiresAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await createResetLink(app.prisma, 'nobody@example.test', 'https://saa.example')).toBeNull();
    const token = link?.url.split('#token=')[1] ?? '';

    const weak = await request(app.server).post('/api/auth/reset-password').send({ token, newPassword: 'password123' });
    expect(weak.status).toBe(400);
    await request(app.server).post('/api/auth/reset-password').send({ token, newPassword: NEW_PASSWORD }).expect(204);
    // Every session ended; the new password works, the old one does not.
    await me.agent.get('/api/auth/me').expect(401);
    await login(me.email, NEW_PASSWORD).expect(200);
    // Once only.
    const again = await request(app.server).post('/api/auth/reset-password').send({ token, newPassword: NEW_PASSWORD });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].field).toBe('body.token');

    // Expired links do not work.
    const late = await createResetLink(app.prisma, me.email, 'https://saa.example', new Date(Date.now() - 31 * 60_000));
    const lateToken = late?.url.split('#token=')[1] ?? '';
    const expired = await request(app.server)
      .post('/api/auth/reset-password')
      .send({ token: lateToken, newPassword: NEW_PASSWORD });
    expect(expired.status).toBe(400);
  });
});
