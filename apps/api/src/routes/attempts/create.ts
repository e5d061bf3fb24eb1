import { AttemptResponse, CreateAttemptRequest } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { planAttempt } from '../../exam/attempt-plan.ts';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { startAttempt, startInProgress } from '../../services/attempts/start-attempt.ts';

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
      // connection: the pool stays free for everyone else. (Across instances an advisory lock in
      // the start keeps it to one at a time.)
      if (startsInFlight.has(user.id)) throw startInProgress();
      startsInFlight.add(user.id);
      try {
        return reply.status(201).send(await startAttempt(app.prisma, user.id, plan, new Date()));
      } finally {
        startsInFlight.delete(user.id);
      }
    },
  );
};

export default createRoute;
