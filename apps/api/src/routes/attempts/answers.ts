import { AnswerParams, SaveAnswerRequest, SaveAnswerResponse } from '@saa/contract/attempts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type AnswerContext, readAnswerContext, type StoredAnswer, writeAnswer } from '../../data/answers.ts';
import { SaveBatcher } from '../../data/save-batcher.ts';
import { isPastDeadline, remainingSeconds } from '../../exam/clock.ts';
import { isAnswerCorrect } from '../../exam/scoring.ts';
import { AppError, invalidField } from '../../lib/app-error.ts';
import { problems } from '../../lib/problem-responses.ts';
import { currentUser } from '../../plugins/app/auth.ts';
import { closedError, finish, notFound } from './lifecycle.ts';
import { feedbackFor, isJudged } from './present.ts';

type Item = NonNullable<AnswerContext['item']>;

/** The selection checked against the question, returned in display order (the order is not meaningful). */
function checkSelection(selected: string[], item: Item): string[] {
  const chosen = new Set(selected);
  if (chosen.size !== selected.length) throw invalidField('body.selected', 'lists the same option more than once');
  const unknown = selected.filter((id) => !item.optionOrder.includes(id));
  if (unknown.length > 0) {
    throw invalidField(
      'body.selected',
      `has options this question does not have (${unknown.join(', ')}); its options are ${item.optionOrder.join(', ')}`,
    );
  }
  if (selected.length > item.choose) {
    throw invalidField(
      'body.selected',
      item.choose === 1
        ? 'this question takes one option'
        : `this question takes at most ${item.choose} options; got ${selected.length}`,
    );
  }
  return item.optionOrder.filter((id) => chosen.has(id));
}

const sameSelection = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

const lockedError = () =>
  new AppError(
    'answer_locked',
    'This question was already answered and its feedback shown, so its answer can no longer change (flagging still works).',
  );

const answersRoute: FastifyPluginAsyncZod = async (app) => {
  // The autosaves' own connections (a fifth of the total, two of the default ten): under moderate
  // load saves then already queue and share statements, which costs less CPU per save than a
  // statement each (docs/benchmarks.md), and no other request ever waits in front of a save.
  const batcher = new SaveBatcher(app.savePool, app.savePool.options.max ?? 2);

  app.put(
    '/:id/answers/:position',
    {
      // The hottest route: the session is checked inside the save statement (see below).
      config: { sessionInQuery: true },
      schema: {
        tags: ['attempts'],
        summary: 'Autosave the answer to one question',
        description:
          'Idempotent: a save whose seq is not higher than the stored one changes nothing and answers 200 with ' +
          'the stored state (applied: false). After the deadline or submission: 409 attempt_closed. With ' +
          'immediate feedback, the response carries the verdict once the question has as many options chosen ' +
          'as it asks for; from then on only `flagged` can change (409 answer_locked).',
        params: AnswerParams,
        body: SaveAnswerRequest,
        response: { 200: SaveAnswerResponse, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { id, position } = request.params;
      const now = new Date();

      // The common case (a newer answer in a mock or deferred practice) in one statement that also
      // checks the session; anything else, including every error, authenticates as every other
      // route does and goes the general way below, which explains it.
      const session = app.sessionCheck(request, now);
      if (session && new Set(request.body.selected).size === request.body.selected.length) {
        const saved = await batcher.save({ session, attemptId: id, position, answer: request.body });
        if (saved) {
          return {
            position,
            answer: { selected: saved.selected, flagged: saved.flagged, seq: saved.seq },
            applied: true,
            remainingSeconds: remainingSeconds(saved.deadline, now),
          };
        }
      }
      await app.loadSession(request, reply);
      const userId = currentUser(request).id;

      const assertOpen = async (context: AnswerContext) => {
        if (context.status !== 'in_progress') throw closedError(context);
        if (isPastDeadline(context.deadline, now)) {
          await finish(app, id, now);
          throw closedError({ status: 'expired', deadline: context.deadline });
        }
      };
      const respond = (context: AnswerContext, item: Item, stored: StoredAnswer, applied: boolean) => {
        const state = { ...item, ...stored };
        return {
          position,
          answer: { selected: stored.selected, flagged: stored.flagged, seq: stored.seq },
          applied,
          remainingSeconds: remainingSeconds(context.deadline, now),
          ...(context.feedback === 'immediate' && isJudged(state) ? { feedback: feedbackFor(state) } : {}),
        };
      };

      const context = await readAnswerContext(app.prisma, userId, id, position);
      if (!context) throw notFound();
      await assertOpen(context);
      const item = context.item;
      if (!item) throw new AppError('not_found', `This attempt has no question ${position}.`);
      const selected = checkSelection(request.body.selected, item);
      if (request.body.seq <= item.seq) return respond(context, item, item, false);

      const immediate = context.feedback === 'immediate';
      if (immediate && isJudged(item) && !sameSelection(selected, item.selected)) throw lockedError();
      const correctIds = item.options.filter((o) => o.correct).map((o) => o.id);
      const correct = immediate && selected.length === item.choose ? isAnswerCorrect(selected, correctIds) : null;
      const { flagged, seq, elapsedMs } = request.body;
      const stored = await writeAnswer(app.prisma, id, position, { selected, flagged, seq, correct, elapsedMs }, now);
      if (stored) return respond(context, item, stored, true);

      // Lost a race since the read (another tab saved a newer seq, or the attempt just closed): answer
      // from the state that won.
      const again = await readAnswerContext(app.prisma, userId, id, position);
      if (!again?.item) throw notFound();
      await assertOpen(again);
      if (request.body.seq <= again.item.seq) return respond(again, again.item, again.item, false);
      throw lockedError();
    },
  );
};

export default answersRoute;
