import { randomUUID } from 'node:crypto';
import { AttemptResponse, CreateAttemptRequest } from '@saa/contract/attempts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AttemptRow, insertAttempt, openAttemptsOf, tryLockStartsOf } from '../../data/attempts.ts';
import { markSeen } from '../../data/questions.ts';
import { TRANSACTION_OPTIONS } from '../../db/prisma-client.ts';
import { planAttempt } from '../../exam/attempt-plan.ts';
import { deadlineFor } from '../../exam/clock.ts';
import { checkOpenAttempts } from '../../exam/open-attempt-rules.ts';
import { shuffle } from '../../exam/shuffle.ts';
import { AppError } from '../../lib/app-error.ts';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { drawForPlan } from './draw.ts';
import { currentAttempt } from './lifecycle.ts';
import { type PresentableItem, presentAttempt } from './present.ts';

const createRoute: FastifyPluginAsyncZod = async (app) => {
  /** Users with a start under way in this process. */
  const startsInFlight = new Set<string>();

  app.post(
    '/',
    {
      schema: {
        tags: ['attempts'],
        summary: 'Start a mock (65 questions, 130 min), a practice set or a drill of due questions',
        description:
          'Mock: fixed rules, scenario questions only, domains drawn 30/26/24/20. Practice: domains, sections, ' +
          'style and pool (all, unseen, wrong) narrow the draw (all given: questions matching all); asking for ' +
          'more questions than match answers 400 not_enough_questions. Practice with `from` takes exactly the ' +
          'wrong, missed, flagged or all questions of a finished attempt of yours (404 if not yours, 409 while ' +
          'it runs), or your saved questions; it defaults to immediate feedback. Drill: up to questionCount due ' +
          'review cards; none due answers 409 nothing_due. One mock at a time (409 mock_in_progress with its ' +
          'attemptId) and at most 10 open practice sets and drills (409 too_many_open_attempts); a start while ' +
          'another of the same user is being set up answers 409 start_in_progress.',
        body: CreateAttemptRequest,
        response: { 201: AttemptResponse, ...problems(400, 401, 403, 404, 409, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const plan = planAttempt(request.body);
      // A burst of starts from one user is answered here, before any of them takes a database
      // connection: the pool stays free for everyone else. (Across instances the advisory lock
      // below keeps it to one start at a time.)
      if (startsInFlight.has(user.id)) throw startInProgress();
      startsInFlight.add(user.id);
      try {
        return await startAttempt(user.id, plan, reply);
      } finally {
        startsInFlight.delete(user.id);
      }
    },
  );

  async function startAttempt(userId: string, plan: ReturnType<typeof planAttempt>, reply: FastifyReply) {
    const user = { id: userId };
    const now = new Date();
    // Practising from an attempt whose time ran out: score it first, so it counts as finished.
    if (plan.source && 'attemptId' in plan.source) await currentAttempt(app, user.id, plan.source.attemptId, now);
    const { attempt, items } = await app.prisma.$transaction(async (tx) => {
      if (!(await tryLockStartsOf(tx, user.id))) {
        throw new AppError('start_in_progress', 'Another start of yours is still being set up; try again in a moment.');
      }
      checkOpenAttempts(plan.mode, await openAttemptsOf(tx, user.id, now));
      const drawn = shuffle(await drawForPlan(tx, user.id, plan, now));
      const attempt: AttemptRow = {
        id: randomUUID(),
        userId: user.id,
        mode: plan.mode,
        status: 'in_progress',
        feedback: plan.feedback,
        questionCount: drawn.length,
        startedAt: now,
        deadline: deadlineFor(now, plan.timeLimitMinutes),
        submittedAt: null,
        result: null,
      };
      const items: (PresentableItem & { questionVersion: number })[] = drawn.map((q, index) => ({
        position: index + 1,
        questionId: q.id,
        questionVersion: q.version,
        domain: q.domain,
        section: q.section,
        choose: q.options.filter((o) => o.correct).length,
        // Stored, so that a resumed attempt shows the options in the order first shown.
        optionOrder: shuffle(q.options.map((o) => o.id)),
        selected: [],
        flagged: false,
        seq: -1,
        correct: null,
        stem: q.stem,
        options: q.options,
        explanation: q.explanation,
        references: q.references,
      }));
      await insertAttempt(tx, {
        ...attempt,
        filters:
          plan.mode === 'practice'
            ? {
                domains: plan.domains,
                sections: plan.sections,
                style: plan.style,
                pool: plan.pool,
                source: plan.source,
              }
            : null,
        items,
      });
      await markSeen(
        tx,
        user.id,
        drawn.map((q) => q.id),
        now,
      );
      return { attempt, items };
    }, TRANSACTION_OPTIONS);
    return reply.status(201).send(presentAttempt(attempt, items, now));
  }
};

const startInProgress = () =>
  new AppError('start_in_progress', 'Another start of yours is still being set up; try again in a moment.');

export default createRoute;
