import type { AttemptResponse } from '@saa/contract/attempts';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type ApiProcess, HttpSession, startApiProcess } from '../../test/api-process.ts';
import { testDatabaseUrl } from '../../test/build-test-app.ts';
import { TEST_PASSWORD, uniqueEmail } from '../../test/factories.ts';

// Fault: the API process dies (SIGKILL: no shutdown hooks, requests cut mid-flight) during an
// exam and is started again. Acknowledged means "answered 200 applied": all of those must be
// there afterwards, and the exam clock must go on from the stored deadline.

const running: ApiProcess[] = [];
afterAll(async () => {
  for (const api of running) await api.stop();
});

async function rewind(attemptId: string, seconds: number) {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(
      `UPDATE attempts SET started_at = started_at - make_interval(secs => $2),
                           deadline = deadline - make_interval(secs => $2)
       WHERE id = $1::uuid`,
      [attemptId, seconds],
    );
  } finally {
    await client.end();
  }
}

type Answer = { selected: string[]; flagged: boolean; seq: number };

describe('the API killed with SIGKILL mid-exam', () => {
  it('keeps every acknowledged answer and the clock continues from the stored deadline', async () => {
    const first = await startApiProcess(testDatabaseUrl());
    running.push(first);
    const browser = new HttpSession(first.url);
    expect(
      (await browser.send('POST', '/api/auth/signup', { email: uniqueEmail(), password: TEST_PASSWORD })).status,
    ).toBe(201);
    const started = await browser.send<AttemptResponse>('POST', '/api/attempts', { mode: 'mock' });
    expect(started.status).toBe(201);
    const attempt = started.body;
    // Ten minutes into the exam.
    await rewind(attempt.id, 600);

    const acknowledged = new Map<number, Answer>();
    let seq = 0;
    const save = async (position: number) => {
      const q = attempt.questions[position - 1];
      if (!q) throw new Error(`no question ${position}`);
      seq += 1;
      const answer = { selected: q.options.slice(0, q.choose).map((o) => o.id), flagged: position % 5 === 0, seq };
      const res = await browser.send('PUT', `/api/attempts/${attempt.id}/answers/${position}`, answer);
      if (res.status === 200 && res.body.applied) acknowledged.set(position, res.body.answer);
      return res;
    };
    for (let position = 1; position <= 20; position++) expect((await save(position)).status).toBe(200);

    const before = await browser.send<AttemptResponse>('GET', `/api/attempts/${attempt.id}`);
    const readAt = Date.now();
    expect(before.body.remainingSeconds).toBeLessThanOrEqual(130 * 60 - 600);

    // A burst of saves in flight, and the process killed once a few of them have been answered.
    let answered = 0;
    const burst = Array.from({ length: 45 }, (_, i) =>
      save(21 + i).then((res) => {
        answered++;
        return res;
      }),
    );
    const settled = Promise.allSettled(burst);
    for (const until = Date.now() + 10_000; answered < 5 && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 2));
    }
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // Whether the kill cut a save in flight depends on timing; the invariant below holds either way:
    // every save that was acknowledged is stored, whatever happened to the others.
    await settled;
    expect(acknowledged.size).toBeGreaterThanOrEqual(20);

    const second = await startApiProcess(testDatabaseUrl());
    running.push(second);
    browser.url = second.url;
    const after = await browser.send<AttemptResponse>('GET', `/api/attempts/${attempt.id}`);
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('in_progress');
    for (const [position, answer] of acknowledged) {
      expect(after.body.questions[position - 1]?.answer, `question ${position}`).toEqual(answer);
    }

    // Same deadline; the remaining time went down by the time that passed, not back to 130 minutes.
    expect(after.body.deadline).toBe(before.body.deadline);
    const elapsed = (Date.now() - readAt) / 1000;
    const expected = (before.body.remainingSeconds ?? 0) - elapsed;
    expect(after.body.remainingSeconds).toBeGreaterThanOrEqual(Math.floor(expected) - 1);
    expect(after.body.remainingSeconds).toBeLessThanOrEqual(Math.ceil(expected) + 1);

    // And the exam goes on: the session still works and new saves land.
    seq = Math.max(seq, ...[...acknowledged.values()].map((a) => a.seq));
    const next = await save(65);
    expect(next.status).toBe(200);
    expect(next.body.applied).toBe(true);
  });
});
