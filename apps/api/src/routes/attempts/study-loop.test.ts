import {
  type AttemptResponse,
  AttemptResponse as AttemptResponseSchema,
  ReviewResponse,
  SubmitResponse,
} from '@saa/contract/attempts';
import { SavedListResponse, SavedQuestion, SeenSearchResponse } from '@saa/contract/saved';
import { StatsResponse } from '@saa/contract/stats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app.ts';
import { type SignedIn, signedInAgent, startAttempt } from '../../../test/factories.ts';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.close());

/** The key of the question at a position, from the database (the API never tells while it runs). */
async function keyAt(attemptId: string, position: number) {
  const item = await app.prisma.attemptItem.findUniqueOrThrow({
    where: { attemptId_position: { attemptId, position } },
    include: { questionVersionRef: true },
  });
  const options = item.questionVersionRef.options as { id: string; correct: boolean }[];
  const right = options.filter((o) => o.correct).map((o) => o.id);
  const wrong = options
    .filter((o) => !o.correct)
    .map((o) => o.id)
    .slice(0, item.choose);
  return { questionId: item.questionId, right, wrong };
}

/** Where the bank's current version of a question is stored, and its text. */
async function currentVersion(questionId: string) {
  const question = await app.prisma.question.findUniqueOrThrow({ where: { id: questionId } });
  const key = { questionId_version: { questionId, version: question.version } };
  return { key, text: await app.prisma.questionVersion.findUniqueOrThrow({ where: key }) };
}

/** The ids of the seen questions a search finds, best first. */
async function searchIds(me: SignedIn, q: string) {
  const res = await me.agent.get(`/api/seen?q=${encodeURIComponent(q)}`).expect(200);
  return SeenSearchResponse.parse(res.body).items.map((i) => i.questionId);
}

let seq = 0;
function save(me: SignedIn, attemptId: string, position: number, body: Record<string, unknown>) {
  seq += 1;
  return me.agent
    .put(`/api/attempts/${attemptId}/answers/${position}`)
    .send({ selected: [], flagged: false, seq, ...body });
}

/** Positions 1-2 right, 3-4 wrong (3 flagged), 5 unanswered but flagged, the rest unanswered; submitted. */
async function finishedPractice(
  me: SignedIn,
  count = 8,
): Promise<{ attempt: AttemptResponse; result: SubmitResponse }> {
  const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: count });
  for (const position of [1, 2])
    await save(me, attempt.id, position, { selected: (await keyAt(attempt.id, position)).right }).expect(200);
  for (const position of [3, 4]) {
    await save(me, attempt.id, position, {
      selected: (await keyAt(attempt.id, position)).wrong,
      flagged: position === 3,
    }).expect(200);
  }
  await save(me, attempt.id, 5, { flagged: true }).expect(200);
  const result = SubmitResponse.parse((await me.agent.post(`/api/attempts/${attempt.id}/submit`).expect(200)).body);
  return { attempt, result };
}

const bankIdsOf = async (attemptId: string) =>
  (await app.prisma.attemptItem.findMany({ where: { attemptId }, orderBy: { position: 'asc' } })).map(
    (i) => i.questionId,
  );

describe('results and review say correct, wrong, unanswered and missed', () => {
  it('counts correct + wrong + unanswered = total, with no scaled score outside mocks', async () => {
    const me = await signedInAgent(app);
    const { result } = await finishedPractice(me);
    expect(result.result).toMatchObject({
      correct: 2,
      wrong: 2,
      unanswered: 4,
      total: 8,
      answered: 4,
      scaledScore: null,
      passed: null,
    });
    const review = ReviewResponse.parse(
      (await me.agent.get(`/api/attempts/${result.id}/review?filter=missed`).expect(200)).body,
    );
    expect(review.counts).toEqual({
      all: 8,
      wrong: 2,
      unanswered: 4,
      missed: 6,
      flagged: 2,
      guessed: 0,
      'sure-wrong': 0,
    });
    expect(review.items.map((i) => i.position)).toEqual([3, 4, 5, 6, 7, 8]);
    const wrong = ReviewResponse.parse(
      (await me.agent.get(`/api/attempts/${result.id}/review?filter=wrong`).expect(200)).body,
    );
    expect(wrong.items.map((i) => i.position)).toEqual([3, 4]);

    const stats = StatsResponse.parse((await me.agent.get('/api/stats').expect(200)).body);
    expect(stats.trend.at(-1)).toMatchObject({ mode: 'practice', scaledScore: null });
  });
});

describe('the review in pages', () => {
  it('sends one page of the filter with the outline of all of it, and refuses a page past the end', async () => {
    const me = await signedInAgent(app);
    const { result } = await finishedPractice(me, 45);
    const reviewPage = async (query: string) =>
      ReviewResponse.parse((await me.agent.get(`/api/attempts/${result.id}/review?${query}`).expect(200)).body);

    const whole = await reviewPage('filter=missed');
    expect(whole).toMatchObject({ page: null, pageSize: 20, feedback: 'deferred', timeLimitMinutes: null });
    expect(whole.items).toHaveLength(43);
    const third = await reviewPage('filter=missed&page=3');
    expect(third.page).toBe(3);
    expect(third.items.map((i) => i.position)).toEqual(whole.items.slice(40).map((i) => i.position));
    expect(third.items).toEqual(whole.items.slice(40));
    // The outline is the same on every page: every question of the filter, with its verdict.
    expect(third.outline).toEqual(whole.outline);
    expect(third.outline.map((o) => o.position)).toEqual(whole.items.map((i) => i.position));
    expect(third.outline.slice(0, 3)).toEqual([
      { position: 3, answered: true, correct: false, flagged: true },
      { position: 4, answered: true, correct: false, flagged: false },
      { position: 5, answered: false, correct: false, flagged: true },
    ]);
    // An empty filter still has its first page.
    expect((await reviewPage('filter=guessed&page=1')).items).toEqual([]);

    const past = await me.agent.get(`/api/attempts/${result.id}/review?filter=missed&page=4`).expect(400);
    expect(past.body.errors).toEqual([
      { field: 'querystring.page', message: 'the missed filter of this attempt has 3 pages' },
    ]);
    const zero = await me.agent.get(`/api/attempts/${result.id}/review?page=0`).expect(400);
    expect(zero.body.errors[0].field).toBe('querystring.page');
  });

  it('says how the attempt ran, so that a retake can run the same way', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 5, timeLimitMinutes: 25 });
    await me.agent.post(`/api/attempts/${attempt.id}/submit`).expect(200);
    const review = ReviewResponse.parse(
      (await me.agent.get(`/api/attempts/${attempt.id}/review?page=1`).expect(200)).body,
    );
    expect(review).toMatchObject({ feedback: attempt.feedback, timeLimitMinutes: 25, page: 1 });
    expect(review.items).toHaveLength(5);
  });
});

describe('practise from an attempt', () => {
  it('starts exactly the wrong, missed, flagged or all questions of a finished attempt, right after submit', async () => {
    const me = await signedInAgent(app);
    const { attempt } = await finishedPractice(me);
    const ids = await bankIdsOf(attempt.id);
    const expected = { wrong: [3, 4], missed: [3, 4, 5, 6, 7, 8], flagged: [3, 5], all: [1, 2, 3, 4, 5, 6, 7, 8] };
    for (const [filter, positions] of Object.entries(expected)) {
      const res = await me.agent
        .post('/api/attempts')
        .send({ mode: 'practice', from: { attemptId: attempt.id, filter } })
        .expect(201);
      const started = AttemptResponseSchema.parse(res.body);
      expect(started).toMatchObject({
        mode: 'practice',
        feedback: 'immediate',
        deadline: null,
        questionCount: positions.length,
      });
      expect((await bankIdsOf(started.id)).sort()).toEqual(positions.map((p) => ids[p - 1]).sort());
      await me.agent.post(`/api/attempts/${started.id}/submit`).expect(200);
    }
  });

  it('keeps a time limit when asked (a retake), and refuses what it cannot do with clear errors', async () => {
    const me = await signedInAgent(app);
    const { attempt } = await finishedPractice(me, 5);
    const retake = await startAttempt(me.agent, {
      mode: 'practice',
      from: { attemptId: attempt.id, filter: 'all' },
      timeLimitMinutes: 30,
      feedback: 'deferred',
    });
    expect(retake).toMatchObject({ feedback: 'deferred', questionCount: 5 });
    expect(Date.parse(retake.deadline ?? '') - Date.parse(retake.startedAt)).toBe(30 * 60_000);

    // Still running: practise it later.
    const running = await me.agent
      .post('/api/attempts')
      .send({ mode: 'practice', from: { attemptId: retake.id, filter: 'all' } })
      .expect(409);
    expect(running.body.code).toBe('attempt_in_progress');
    // Nothing flagged in an attempt with no flags.
    await me.agent.post(`/api/attempts/${retake.id}/submit`).expect(200);
    const empty = await me.agent
      .post('/api/attempts')
      .send({ mode: 'practice', from: { attemptId: retake.id, filter: 'flagged' } })
      .expect(400);
    expect(empty.body.errors).toEqual([
      expect.objectContaining({ field: 'body.from', message: expect.stringMatching(/no flagged questions/) }),
    ]);
    // Someone else's attempt is as good as unknown.
    const other = await signedInAgent(app);
    await other.agent
      .post('/api/attempts')
      .send({ mode: 'practice', from: { attemptId: attempt.id, filter: 'all' } })
      .expect(404);
    // The questions are given: choosing others is refused, not ignored.
    const mixed = await me.agent
      .post('/api/attempts')
      .send({ mode: 'practice', from: { attemptId: attempt.id, filter: 'all' }, questionCount: 5 })
      .expect(400);
    expect(mixed.body.errors[0].field).toBe('body.questionCount');
    await me.agent
      .post('/api/attempts')
      .send({ mode: 'mock', from: { saved: true } })
      .expect(400);
  });
});

describe('pools', () => {
  it('draws unseen questions only, or only those missed the last time they were asked', async () => {
    const me = await signedInAgent(app);
    const { attempt } = await finishedPractice(me, 8);
    const seen = new Set(await bankIdsOf(attempt.id));
    const unseen = await startAttempt(me.agent, { mode: 'practice', pool: 'unseen', questionCount: 30 });
    expect((await bankIdsOf(unseen.id)).filter((id) => seen.has(id))).toEqual([]);
    await me.agent.post(`/api/attempts/${unseen.id}/submit`).expect(200);

    const missedOfFirst = (await bankIdsOf(attempt.id)).slice(2);
    const wrong = await startAttempt(me.agent, { mode: 'practice', pool: 'wrong', questionCount: 6 });
    const drawn = await bankIdsOf(wrong.id);
    // Every question of the unseen practice went unanswered, so it joins the pool; the two right ones never do.
    const right = (await bankIdsOf(attempt.id)).slice(0, 2);
    expect(drawn.filter((id) => right.includes(id))).toEqual([]);
    expect(drawn.length).toBe(6);
    expect(missedOfFirst.length).toBe(6);

    const tooMany = await me.agent
      .post('/api/attempts')
      .send({ mode: 'practice', pool: 'wrong', questionCount: 130 })
      .expect(400);
    expect(tooMany.body.errors[0]).toMatchObject({
      field: 'body.questionCount',
      message: expect.stringMatching(/^Only \d+ questions match/),
    });
  });
});

describe('time per question', () => {
  it('stores the time the browser measured, never more than the attempt has run, and reports it as measured', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 3 });
    // The attempt started a minute ago.
    await app.prisma
      .$executeRaw`UPDATE attempts SET started_at = started_at - interval '60 seconds' WHERE id = ${attempt.id}::uuid`;
    const { right } = await keyAt(attempt.id, 1);
    await save(me, attempt.id, 1, { selected: right, elapsedMs: 4_400 }).expect(200);
    // A time-only save (answer unchanged) of a question only looked at.
    await save(me, attempt.id, 2, { elapsedMs: 7_000 }).expect(200);
    // A hostile or confused client claims an hour: clamped to the attempt's age.
    await save(me, attempt.id, 3, { elapsedMs: 3_600_000 }).expect(200);
    // Time only grows: an older, smaller report does not shrink it.
    await save(me, attempt.id, 1, { selected: right, elapsedMs: 1_000 }).expect(200);
    await save(me, attempt.id, 1, { elapsedMs: 86_400_001 }).expect(400);

    const done = SubmitResponse.parse((await me.agent.post(`/api/attempts/${attempt.id}/submit`).expect(200)).body);
    const times = done.result.questionTimes;
    expect(times[0]).toEqual({ position: 1, seconds: 4, measured: true });
    expect(times[1]).toEqual({ position: 2, seconds: 7, measured: true });
    expect(times[2]?.measured).toBe(true);
    expect(times[2]?.seconds).toBeGreaterThanOrEqual(59);
    expect(times[2]?.seconds).toBeLessThanOrEqual(62);
  });
});

describe('saved questions', () => {
  it('saves only questions whose answer the user has seen, keeps notes, and lists them newest first', async () => {
    const me = await signedInAgent(app);
    const running = await startAttempt(me.agent, { mode: 'practice', questionCount: 2 });
    const runningId = (await bankIdsOf(running.id))[0] as string;
    // Asked but not answered in a running attempt: its key must stay hidden.
    await me.agent.put(`/api/saved/${runningId}`).send({}).expect(404);
    await me.agent.put(`/api/attempts/${running.id}/saved/1`).send().expect(409);
    await me.agent.post(`/api/attempts/${running.id}/submit`).expect(200);

    const first = SavedQuestion.parse(
      (await me.agent.put(`/api/saved/${runningId}`).send({ note: 'Multi-AZ vs replicas' }).expect(200)).body,
    );
    expect(first).toMatchObject({ questionId: runningId, note: 'Multi-AZ vs replicas' });
    expect(first.question.options.some((o) => o.correct)).toBe(true);
    // Saving again without a note keeps it; an empty note clears it.
    expect((await me.agent.put(`/api/saved/${runningId}`).send({}).expect(200)).body.note).toBe('Multi-AZ vs replicas');
    const list = SavedListResponse.parse((await me.agent.get('/api/saved').expect(200)).body);
    expect(list.items.map((i) => i.questionId)).toEqual([runningId]);
    const review = ReviewResponse.parse((await me.agent.get(`/api/attempts/${running.id}/review`).expect(200)).body);
    expect(review.items.find((i) => i.questionId === runningId)?.saved).toBe(true);

    // Another user sees none of it, and cannot save what they never saw.
    const other = await signedInAgent(app);
    expect((await other.agent.get('/api/saved').expect(200)).body.items).toEqual([]);
    await other.agent.put(`/api/saved/${runningId}`).send({}).expect(404);

    await me.agent
      .put(`/api/saved/${runningId}`)
      .send({ note: 'x'.repeat(2001) })
      .expect(400);
    await me.agent.put('/api/saved/NOT A VALID ID').send({}).expect(400);
    await me.agent.delete(`/api/saved/${runningId}`).expect(204);
    await me.agent.delete(`/api/saved/${runningId}`).expect(404);
  });

  it('hides a saved question while a running attempt asks it again, and practises saved questions', async () => {
    const me = await signedInAgent(app);
    const { attempt } = await finishedPractice(me, 5);
    const ids = await bankIdsOf(attempt.id);
    for (const id of ids.slice(0, 2)) await me.agent.put(`/api/saved/${id}`).send({}).expect(200);
    const practice = await startAttempt(me.agent, { mode: 'practice', from: { saved: true }, feedback: 'deferred' });
    expect((await bankIdsOf(practice.id)).sort()).toEqual(ids.slice(0, 2).sort());
    // Deferred feedback: both are being asked, unanswered, so the saved list hides them for now.
    expect((await me.agent.get('/api/saved').expect(200)).body.items).toEqual([]);
    await me.agent.post(`/api/attempts/${practice.id}/submit`).expect(200);
    expect((await me.agent.get('/api/saved').expect(200)).body.items).toHaveLength(2);

    const none = await signedInAgent(app);
    const empty = await none.agent
      .post('/api/attempts')
      .send({ mode: 'practice', from: { saved: true } })
      .expect(400);
    expect(empty.body.errors[0].field).toBe('body.from');
  });

  it('saves by position from an immediate-feedback card once its answer is shown', async () => {
    const me = await signedInAgent(app);
    const attempt = await startAttempt(me.agent, { mode: 'practice', questionCount: 2, feedback: 'immediate' });
    await me.agent.put(`/api/attempts/${attempt.id}/saved/1`).send().expect(409);
    const { right, questionId } = await keyAt(attempt.id, 1);
    const res = await save(me, attempt.id, 1, { selected: right }).expect(200);
    expect(res.body.feedback.correct).toBe(true);
    await me.agent.put(`/api/attempts/${attempt.id}/saved/1`).send().expect(204);
    expect(
      (await me.agent.get('/api/saved').expect(200)).body.items.map((i: { questionId: string }) => i.questionId),
    ).toEqual([questionId]);
    await me.agent.delete(`/api/attempts/${attempt.id}/saved/1`).expect(204);
    expect((await me.agent.get('/api/saved').expect(200)).body.items).toEqual([]);
    await me.agent.put(`/api/attempts/${attempt.id}/saved/9`).send().expect(404);
    const other = await signedInAgent(app);
    await other.agent.put(`/api/attempts/${attempt.id}/saved/1`).send().expect(404);
  });
});

describe('search of seen questions', () => {
  it('finds seen questions by their words, never unseen ones or those a running attempt asks', async () => {
    const me = await signedInAgent(app);
    const { attempt } = await finishedPractice(me, 5);
    const [firstId] = await bankIdsOf(attempt.id);
    const { text } = await currentVersion(firstId as string);
    // The longest plain word of the stem (every stem has one of 5 letters or more).
    const word = [...(text.stem.match(/[A-Za-z]{5,}/g) ?? [])]
      .filter(
        (w) =>
          !/^(themselves|ourselves|yourselves|between|because|through|against|further|during|before|should|which|where|their|there|these|those|other|about|after|while)$/i.test(
            w,
          ),
      )
      .sort((a, b) => b.length - a.length)[0] as string;
    const found = await searchIds(me, word);
    expect(found).toContain(firstId);
    const seen = new Set(await bankIdsOf(attempt.id));
    expect(found.every((id) => seen.has(id))).toBe(true);

    // Asked again by a running attempt without feedback: hidden until that attempt ends.
    const again = await startAttempt(me.agent, {
      mode: 'practice',
      from: { attemptId: attempt.id, filter: 'all' },
      feedback: 'deferred',
    });
    expect(await searchIds(me, word)).not.toContain(firstId);
    await me.agent.post(`/api/attempts/${again.id}/submit`).expect(200);

    // A stranger who never saw it finds nothing.
    const other = await signedInAgent(app);
    expect(await searchIds(other, word)).toEqual([]);
    await me.agent.get('/api/seen?q=a').expect(400);
  });
});

describe('search inside names', () => {
  it('finds a word that Postgres would read as part of a host or file name', async () => {
    const me = await signedInAgent(app);
    const { attempt } = await finishedPractice(me, 5);
    const [id] = await bankIdsOf(attempt.id);
    const { key, text } = await currentVersion(id as string);
    // This file's own database: a made-up word found nowhere else, only inside a name.
    await app.prisma.questionVersion.update({
      where: key,
      data: { stem: `${text.stem} The site is served from static.qzxvkw-example.com/index.html.` },
    });
    expect(await searchIds(me, 'qzxvkw')).toEqual([id]);
    expect(await searchIds(me, 'static.qzxvkw-example.com')).toContain(id);
    expect(await searchIds(me, 'qzxvkw index.html')).toEqual([id]);
  });
});

describe('results as CSV', () => {
  it('downloads one row per question once the attempt is over', async () => {
    const me = await signedInAgent(app);
    const running = await startAttempt(me.agent, { mode: 'practice', questionCount: 2 });
    await me.agent.get(`/api/attempts/${running.id}/results.csv`).expect(409);
    await me.agent.post(`/api/attempts/${running.id}/submit`).expect(200);
    const { attempt } = await finishedPractice(me, 5);
    const res = await me.agent.get(`/api/attempts/${attempt.id}/results.csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="saa-practice-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe(
      'position,question_id,domain,section,result,your_answer,correct_answer,flagged,seconds,time,question',
    );
    // Fields with commas are quoted (section titles have some): split outside quotes only.
    const cells = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]);
    expect(lines.slice(1).map((l) => cells(l)[4])).toEqual(['correct', 'correct', 'wrong', 'wrong', 'unanswered']);
    const other = await signedInAgent(app);
    await other.agent.get(`/api/attempts/${attempt.id}/results.csv`).expect(404);
  });
});
