import type { SaveAnswerRequest, SaveAnswerResponse } from '@saa/contract/attempts';
import type pg from 'pg';
import { type AnswerContext, readAnswerContext, type StoredAnswer, writeAnswer } from '../../data/answers.ts';
import { SaveBatcher } from '../../data/save-batcher.ts';
import type { SessionCheck } from '../../data/sessions.ts';
import type { PrismaClient } from '../../db/prisma-client.ts';
import { isPastDeadline, remainingSeconds } from '../../exam/clock.ts';
import { isAnswerCorrect } from '../../exam/scoring.ts';
import { AppError, invalidField } from '../../lib/app-error.ts';
import { closedError, notFound } from './attempt-errors.ts';
import { finish } from './finish-attempt.ts';
import { feedbackFor, isJudged, presentAnswer } from './present-attempt.ts';

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

/** The batcher of the fast path, on the autosaves' own pool, with as many statements in flight as it has connections. */
export function autosaveBatcher(pool: pg.Pool, batchLimit?: number): SaveBatcher {
  return new SaveBatcher(pool, pool.options.max ?? 2, batchLimit);
}

/**
 * The common case (a newer answer in a mock or deferred practice) in one statement that also
 * checks the session, shared with other saves arriving at the same moment. Null when it does not
 * apply: the caller then authenticates as every other route does and calls `saveAnswer`, which
 * explains any refusal.
 */
export async function saveAnswerQuickly(
  batcher: SaveBatcher,
  session: SessionCheck,
  attemptId: string,
  position: number,
  body: SaveAnswerRequest,
  now: Date,
): Promise<SaveAnswerResponse | null> {
  if (new Set(body.selected).size !== body.selected.length) return null;
  const saved = await batcher.save({ session, attemptId, position, answer: body });
  if (!saved) return null;
  return {
    position,
    answer: presentAnswer(saved),
    applied: true,
    remainingSeconds: remainingSeconds(saved.deadline, now),
  };
}

/** Any save, checked in full: stale seqs, locked answers, closed attempts and bad selections. */
export async function saveAnswer(
  prisma: PrismaClient,
  userId: string,
  id: string,
  position: number,
  body: SaveAnswerRequest,
  now: Date,
): Promise<SaveAnswerResponse> {
  const assertOpen = async (context: AnswerContext) => {
    if (context.status !== 'in_progress') throw closedError(context);
    if (isPastDeadline(context.deadline, now)) {
      await finish(prisma, id, now);
      throw closedError({ status: 'expired', deadline: context.deadline });
    }
  };
  const respond = (context: AnswerContext, item: Item, stored: StoredAnswer, applied: boolean) => {
    const state = { ...item, ...stored };
    return {
      position,
      answer: presentAnswer(stored),
      applied,
      remainingSeconds: remainingSeconds(context.deadline, now),
      ...(context.feedback === 'immediate' && isJudged(state) ? { feedback: feedbackFor(state) } : {}),
    };
  };

  const context = await readAnswerContext(prisma, userId, id, position);
  if (!context) throw notFound();
  await assertOpen(context);
  const item = context.item;
  if (!item) throw new AppError('not_found', `This attempt has no question ${position}.`);
  const selected = checkSelection(body.selected, item);
  if (body.seq <= item.seq) return respond(context, item, item, false);

  const immediate = context.feedback === 'immediate';
  if (immediate && isJudged(item) && !sameSelection(selected, item.selected)) throw lockedError();
  const correctIds = item.options.filter((o) => o.correct).map((o) => o.id);
  const correct = immediate && selected.length === item.choose ? isAnswerCorrect(selected, correctIds) : null;
  const { flagged, seq, elapsedMs, confidence } = body;
  const stored = await writeAnswer(
    prisma,
    id,
    position,
    { selected, flagged, seq, correct, elapsedMs, confidence },
    now,
  );
  if (stored) return respond(context, item, stored, true);

  // Lost a race since the read (another tab saved a newer seq, or the attempt just closed): answer
  // from the state that won.
  const again = await readAnswerContext(prisma, userId, id, position);
  if (!again?.item) throw notFound();
  await assertOpen(again);
  if (body.seq <= again.item.seq) return respond(again, again.item, again.item, false);
  throw lockedError();
}
