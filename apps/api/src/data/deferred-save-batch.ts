import type { Confidence } from '@saa/contract/attempts';
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
// the FOR SHARE lock that orders saves against scoring (which takes FOR UPDATE). The time on screen
// only grows and never exceeds the attempt's age (a wrong or hostile client cannot inflate it). The selection is
// stored in display order, as `writeAnswer` stores it. Rows are keyed by `k`, their index in the
// batch; the caller never puts two saves of the same question in one batch.
//
// Straight through pg, not Prisma: this runs for nearly every click of an exam, and Prisma's own
// work per query cost more CPU than the statement itself (docs/benchmarks.md). Timestamps are UTC
// wall-clock values in `timestamp` columns, as Prisma writes them, so they cross as ISO strings
// converted in SQL, independent of the server's and the process's time zones.
const SAVE_DEFERRED_ANSWERS = `
  WITH input AS (
    SELECT x.k::int - 1 AS k, x.sid, x.aid, x.pos, string_to_array(x.ids, ',') AS ids, x.flagged, x.seq,
           x.now AT TIME ZONE 'UTC' AS now, x.idle_since AT TIME ZONE 'UTC' AS idle_since,
           x.touch_before AT TIME ZONE 'UTC' AS touch_before, x.elapsed, x.confidence
    FROM unnest($1::text[], $2::uuid[], $3::int[], $4::text[], $5::boolean[], $6::int[],
                $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::int[], $11::text[])
         WITH ORDINALITY AS x(sid, aid, pos, ids, flagged, seq, now, idle_since, touch_before, elapsed, confidence, k)
  ),
  session AS (
    SELECT input.k, s.user_id FROM input JOIN sessions s ON s.id = input.sid
    WHERE s.expires_at > input.now AND s.last_seen_at > input.idle_since
  ),
  touched AS (
    UPDATE sessions s SET last_seen_at = input.now FROM input
    WHERE s.id = input.sid AND s.expires_at > input.now AND s.last_seen_at > input.idle_since
      AND s.last_seen_at < input.touch_before
  ),
  open AS (
    SELECT input.k, a.deadline, a.started_at
    FROM input JOIN attempts a ON a.id = input.aid
    WHERE a.user_id = (SELECT session.user_id FROM session WHERE session.k = input.k)
      AND a.status = 'in_progress' AND a.feedback = 'deferred' AND (a.deadline IS NULL OR a.deadline > input.now)
    FOR SHARE OF a
  )
  UPDATE attempt_items AS i SET
    selected = ARRAY(SELECT o FROM unnest(i.option_order) WITH ORDINALITY AS u(o, n) WHERE o = ANY(input.ids) ORDER BY n),
    flagged = input.flagged,
    seq = input.seq,
    -- NULL keeps the stored confidence, '' clears it.
    confidence = CASE
      WHEN input.confidence IS NULL THEN i.confidence
      WHEN input.confidence = '' THEN NULL
      ELSE input.confidence::"Confidence" END,
    answered_at = CASE
      WHEN i.selected IS NOT DISTINCT FROM
           ARRAY(SELECT o FROM unnest(i.option_order) WITH ORDINALITY AS u(o, n) WHERE o = ANY(input.ids) ORDER BY n)
        THEN i.answered_at
      WHEN cardinality(input.ids) > 0 THEN input.now
      ELSE NULL END,
    first_answered_at = CASE
      WHEN i.first_answered_at IS NULL AND cardinality(input.ids) > 0 THEN input.now
      ELSE i.first_answered_at END,
    elapsed_ms = CASE
      WHEN input.elapsed IS NULL THEN i.elapsed_ms
      ELSE GREATEST(coalesce(i.elapsed_ms, 0),
                    LEAST(input.elapsed, (extract(epoch FROM input.now - open.started_at) * 1000)::int)) END
  FROM input JOIN open ON open.k = input.k
  WHERE i.attempt_id = input.aid AND i.position = input.pos
    AND i.seq < input.seq
    AND input.ids <@ i.option_order
    AND cardinality(input.ids) <= i.choose
    AND i.correct IS NULL
  RETURNING input.k, i.selected, i.flagged, i.seq, i.confidence::text AS confidence,
            (extract(epoch FROM open.deadline AT TIME ZONE 'UTC') * 1000)::float8 AS "deadlineMs"`;

/**
 * Saves each save the fast path can take, in one statement: one result per save, in order, null
 * where it does not apply (no valid session, stale seq, unknown or too many options, closed or
 * overdue attempt, immediate feedback, no such attempt or position). The caller then
 * authenticates and takes the general path, which says why. The saves must name distinct
 * questions (attempt and position).
 */
export async function saveDeferredAnswers(db: PgQueryable, saves: DeferredSave[]): Promise<DeferredSaveResult[]> {
  // Column arrays rather than rows: unnest() lets the planner expect a handful of rows (it would
  // expect 100 from a JSON record set) and so look sessions, attempts and items up by key.
  const column = <T>(pick: (save: DeferredSave) => T) => saves.map(pick);
  const { rows: saved } = await db.query<{
    k: number;
    selected: string[];
    flagged: boolean;
    seq: number;
    confidence: Confidence | null;
    deadlineMs: number | null;
  }>({
    name: 'saa_save_deferred_answers',
    text: SAVE_DEFERRED_ANSWERS,
    values: [
      column((s) => s.session.sessionId),
      column((s) => s.attemptId),
      column((s) => s.position),
      // Option ids are single letters (the contract says so), so a comma list is unambiguous.
      column((s) => s.answer.selected.join(',')),
      column((s) => s.answer.flagged),
      column((s) => s.answer.seq),
      column((s) => s.session.now.toISOString()),
      column((s) => s.session.idleSince.toISOString()),
      column((s) => s.session.touchBefore.toISOString()),
      column((s) => s.answer.elapsedMs ?? null),
      column((s) => (s.answer.confidence === undefined ? null : (s.answer.confidence ?? ''))),
    ],
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
