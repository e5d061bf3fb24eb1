import type { Confidence } from '@saa/contract/attempts';
import { type InferResult, sql } from 'kysely';
import { builder, compileOnce, unnest } from '../db/sql.ts';
import type { StoredAnswer } from './answers.ts';
import type { SessionCheck } from './sessions.ts';

/** Anything that runs a pg query: the autosaves' pool (`app.savePool`) or one of its clients. */
export interface PgQueryable {
  query<R extends Record<string, unknown>>(config: {
    name?: string;
    text: string;
    values?: unknown[];
  }): Promise<{
    rows: R[];
  }>;
}

/** One autosave for the fast path: who asks, where, and what. */
export interface DeferredSave {
  session: SessionCheck;
  attemptId: string;
  position: number;
  answer: {
    selected: string[];
    flagged: boolean;
    seq: number;
    elapsedMs?: number | undefined;
    confidence?: Confidence | null | undefined;
  };
}

/** What was stored, with the attempt's deadline; null when the fast path does not apply. */
export type DeferredSaveResult = (Omit<StoredAnswer, 'correct'> & { deadline: Date | null }) | null;

// The common autosave, for one save or several in one statement and one commit: a newer answer
// (higher seq) to a question of the session user's open, deferred-feedback attempt, naming only
// options the question has and no more than it asks for. Each row is checked on its own: its own
// session (valid, not idle, not expired, and touched when due, as `authenticate` would, at its own
// request time), its own attempt owned by that session's user, open and before its deadline, with
// the FOR SHARE lock that orders saves against scoring (which takes FOR UPDATE; SKIP LOCKED leaves a
// save of an attempt being scored to the general path). The time on screen
// only grows and never exceeds the attempt's age (a wrong or hostile client cannot inflate it). The selection is
// stored in display order, as `writeAnswer` stores it. Rows are keyed by `k`, their index in the
// batch; the caller never puts two saves of the same question in one batch.
//
// Straight through pg, not Prisma: this runs for nearly every click of an exam, and Prisma's own
// work per query cost more CPU than the statement itself (docs/benchmarks.md). Timestamps are UTC
// wall-clock values in `timestamp` columns, as Prisma writes them, so they cross as ISO strings
// converted in SQL, independent of the server's and the process's time zones.
/** The statement's input, one array per column, one element per save. */
interface SaveColumns {
  sid: string[];
  aid: string[];
  pos: number[];
  ids: string[];
  flagged: boolean[];
  seq: number[];
  now: string[];
  idle_since: string[];
  touch_before: string[];
  elapsed: (number | null)[];
  confidence: (string | null)[];
}

function saveDeferredAnswersQuery(columns: SaveColumns) {
  // Column arrays rather than rows: unnest() lets the planner expect a handful of rows (it would
  // expect 100 from a JSON record set) and so look sessions, attempts and items up by key.
  const rows = unnest(
    'x',
    {
      sid: ['text', columns.sid],
      aid: ['uuid', columns.aid],
      pos: ['int', columns.pos],
      ids: ['text', columns.ids],
      flagged: ['boolean', columns.flagged],
      seq: ['int', columns.seq],
      now: ['timestamptz', columns.now],
      idle_since: ['timestamptz', columns.idle_since],
      touch_before: ['timestamptz', columns.touch_before],
      elapsed: ['int', columns.elapsed],
      confidence: ['text', columns.confidence],
    },
    'k',
  );
  return builder
    .with('input', (q) =>
      q
        .selectFrom(rows)
        .select((eb) => [
          sql<number>`${eb.ref('x.k')}::int - 1`.as('k'),
          'x.sid',
          'x.aid',
          'x.pos',
          sql<string[]>`string_to_array(${eb.ref('x.ids')}, ',')`.as('ids'),
          'x.flagged',
          'x.seq',
          sql<Date>`${eb.ref('x.now')} AT TIME ZONE 'UTC'`.as('now'),
          sql<Date>`${eb.ref('x.idle_since')} AT TIME ZONE 'UTC'`.as('idle_since'),
          sql<Date>`${eb.ref('x.touch_before')} AT TIME ZONE 'UTC'`.as('touch_before'),
          'x.elapsed',
          'x.confidence',
        ]),
    )
    .with('session', (q) =>
      q
        .selectFrom('input')
        .innerJoin('sessions as s', 's.id', 'input.sid')
        .select(['input.k', 's.user_id'])
        .whereRef('s.expires_at', '>', 'input.now')
        .whereRef('s.last_seen_at', '>', 'input.idle_since'),
    )
    .with('touched', (q) =>
      q
        .updateTable('sessions as s')
        .from('input')
        .set((eb) => ({ last_seen_at: eb.ref('input.now') }))
        .whereRef('s.id', '=', 'input.sid')
        .whereRef('s.expires_at', '>', 'input.now')
        .whereRef('s.last_seen_at', '>', 'input.idle_since')
        .whereRef('s.last_seen_at', '<', 'input.touch_before'),
    )
    .with('open', (q) =>
      q
        .selectFrom('input')
        .innerJoin('attempts as a', 'a.id', 'input.aid')
        .select(['input.k', 'a.deadline', 'a.started_at'])
        .where((eb) =>
          eb(
            'a.user_id',
            '=',
            eb.selectFrom('session').select('session.user_id').whereRef('session.k', '=', 'input.k'),
          ),
        )
        .where('a.status', '=', 'in_progress')
        .where('a.feedback', '=', 'deferred')
        .where((eb) => eb.or([eb('a.deadline', 'is', null), eb('a.deadline', '>', eb.ref('input.now'))]))
        .forShare('a')
        // An attempt being scored holds its row FOR UPDATE: its saves are left out here (they take the
        // general path, which waits for the scoring and then refuses them), so that the other saves in
        // this statement never wait for someone else's scoring.
        .skipLocked(),
    )
    .updateTable('attempt_items as i')
    .from('input')
    .innerJoin('open', 'open.k', 'input.k')
    .set((eb) => {
      // The chosen options in display order, as `writeAnswer` stores them.
      const inDisplayOrder = sql<
        string[]
      >`ARRAY(SELECT o FROM unnest(${eb.ref('i.option_order')}) WITH ORDINALITY AS u(o, n)
          WHERE o = ANY(${eb.ref('input.ids')}) ORDER BY n)`;
      const answers = sql<boolean>`cardinality(${eb.ref('input.ids')}) > 0`;
      return {
        selected: inDisplayOrder,
        flagged: eb.ref('input.flagged'),
        seq: eb.ref('input.seq'),
        confidence: eb
          .case()
          .when('input.confidence', 'is', null)
          .then(eb.ref('i.confidence'))
          .when('input.confidence', '=', '')
          .then(null)
          .else(sql<Confidence>`${eb.ref('input.confidence')}::"Confidence"`)
          .end(),
        answered_at: eb
          .case()
          .when('i.selected', 'is not distinct from', inDisplayOrder)
          .then(eb.ref('i.answered_at'))
          .when(answers)
          .then(eb.ref('input.now'))
          .else(null)
          .end(),
        first_answered_at: eb
          .case()
          .when(eb.and([eb('i.first_answered_at', 'is', null), answers]))
          .then(eb.ref('input.now'))
          .else(eb.ref('i.first_answered_at'))
          .end(),
        // Only grows, and never beyond the attempt's age.
        elapsed_ms: eb
          .case()
          .when('input.elapsed', 'is', null)
          .then(eb.ref('i.elapsed_ms'))
          .else(
            sql<number>`GREATEST(coalesce(${eb.ref('i.elapsed_ms')}, 0),
                LEAST(${eb.ref('input.elapsed')}, (extract(epoch FROM ${eb.ref('input.now')} - ${eb.ref('open.started_at')}) * 1000)::int))`,
          )
          .end(),
      };
    })
    .whereRef('i.attempt_id', '=', 'input.aid')
    .whereRef('i.position', '=', 'input.pos')
    .whereRef('i.seq', '<', 'input.seq')
    .where((eb) => sql<boolean>`${eb.ref('input.ids')} <@ ${eb.ref('i.option_order')}`)
    .where((eb) => sql<boolean>`cardinality(${eb.ref('input.ids')}) <= ${eb.ref('i.choose')}`)
    .where('i.correct', 'is', null)
    .returning((eb) => [
      'input.k',
      'i.selected',
      'i.flagged',
      'i.seq',
      'i.confidence',
      sql<number | null>`(extract(epoch FROM ${eb.ref('open.deadline')} AT TIME ZONE 'UTC') * 1000)::float8`.as(
        'deadlineMs',
      ),
    ]);
}

type SavedRow = InferResult<ReturnType<typeof saveDeferredAnswersQuery>>[number];

// Built and compiled once: only the column arrays change from one batch to the next, and building
// this statement costs about 150 µs of CPU per call on the benchmark machine.
const SAVE_DEFERRED_ANSWERS = compileOnce(saveDeferredAnswersQuery, [
  'sid',
  'aid',
  'pos',
  'ids',
  'flagged',
  'seq',
  'now',
  'idle_since',
  'touch_before',
  'elapsed',
  'confidence',
]);

/**
 * Saves each save the fast path can take, in one statement: one result per save, in order, null
 * where it does not apply (no valid session, stale seq, unknown or too many options, closed or
 * overdue attempt, immediate feedback, no such attempt or position). The caller then
 * authenticates and takes the general path, which says why. The saves must name distinct
 * questions (attempt and position).
 */
export async function saveDeferredAnswers(db: PgQueryable, saves: DeferredSave[]): Promise<DeferredSaveResult[]> {
  const column = <T>(pick: (save: DeferredSave) => T) => saves.map(pick);
  const values = SAVE_DEFERRED_ANSWERS.values({
    sid: column((s) => s.session.sessionId),
    aid: column((s) => s.attemptId),
    pos: column((s) => s.position),
    // Option ids are single letters (the contract says so), so a comma list is unambiguous.
    ids: column((s) => s.answer.selected.join(',')),
    flagged: column((s) => s.answer.flagged),
    seq: column((s) => s.answer.seq),
    now: column((s) => s.session.now.toISOString()),
    idle_since: column((s) => s.session.idleSince.toISOString()),
    touch_before: column((s) => s.session.touchBefore.toISOString()),
    elapsed: column((s) => s.answer.elapsedMs ?? null),
    // Null keeps the stored confidence, '' clears it.
    confidence: column((s) => (s.answer.confidence === undefined ? null : (s.answer.confidence ?? ''))),
  });
  // Named: every batch has this one text, so each connection parses and plans it once.
  const { rows: saved } = await db.query<SavedRow>({
    name: 'saa_save_deferred_answers',
    text: SAVE_DEFERRED_ANSWERS.text,
    values,
  });
  const results: DeferredSaveResult[] = saves.map(() => null);
  for (const row of saved) {
    results[row.k] = {
      selected: row.selected,
      flagged: row.flagged,
      seq: row.seq,
      confidence: row.confidence,
      deadline: row.deadlineMs === null ? null : new Date(row.deadlineMs),
    };
  }
  return results;
}
