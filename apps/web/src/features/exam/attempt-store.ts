import type { AnswerFeedback, Confidence, SavedAnswer } from '@saa/contract/attempts';

/** An answer waiting to be sent: confidence null clears the stored one, absent leaves it. */
export type PendingAnswer = Omit<SavedAnswer, 'confidence'> & { confidence?: Confidence | null };

import { readJson, removeKey, writeJson } from '../../lib/storage.ts';

/**
 * What this browser keeps about one running attempt, in localStorage so that it survives a
 * reload, a crash or a closed laptop:
 * - seq: the last save counter used; the server ignores saves whose seq is not higher than the
 *   one it stored, so the counter must only ever grow, across reloads too.
 * - pending: per position, the newest answer the server has not yet acknowledged.
 * - position: the question on screen, to resume exactly there.
 * - feedback: immediate-feedback verdicts, which the attempt read does not repeat.
 * - warned: time warnings already shown (in seconds), so a reload does not repeat them.
 */
export interface AttemptLocalState {
  v: 1;
  seq: number;
  position: number;
  pending: Record<string, PendingAnswer>;
  feedback: Record<string, AnswerFeedback>;
  warned: number[];
  /** Per position: ms the question has been on screen with the tab visible, cumulative. */
  times: Record<string, number>;
  /** Per position: the time last sent to the server. */
  reported: Record<string, number>;
}

const key = (attemptId: string) => `saa:attempt:${attemptId}`;

const empty = (): AttemptLocalState => ({
  v: 1,
  seq: 0,
  position: 1,
  pending: {},
  feedback: {},
  warned: [],
  times: {},
  reported: {},
});

const numbers = (value: unknown): Record<string, number> =>
  value && typeof value === 'object'
    ? Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'number' && Number.isFinite(v)))
    : {};

/** Per position, the larger of two counts: two tabs on one attempt never lose each other's time. */
const maxOf = (a: Record<string, number>, b: Record<string, number>) => {
  const merged = { ...a };
  for (const [k, v] of Object.entries(b)) merged[k] = Math.max(merged[k] ?? 0, v);
  return merged;
};

export function loadLocalState(attemptId: string): AttemptLocalState {
  const stored = readJson<Partial<AttemptLocalState>>(key(attemptId));
  if (stored?.v !== 1) return empty();
  return {
    v: 1,
    seq: Number.isInteger(stored.seq) ? (stored.seq as number) : 0,
    position: Number.isInteger(stored.position) ? (stored.position as number) : 1,
    pending: stored.pending && typeof stored.pending === 'object' ? stored.pending : {},
    feedback: stored.feedback && typeof stored.feedback === 'object' ? stored.feedback : {},
    warned: Array.isArray(stored.warned) ? stored.warned : [],
    times: numbers(stored.times),
    reported: numbers(stored.reported),
  };
}

/**
 * Applies a change on top of what is stored now merged with this tab's copy: another tab on the
 * same attempt may have saved answers or used seq numbers meanwhile (newer seq wins per position),
 * and when storage is unavailable the copy in memory still carries everything.
 */
export function updateLocalState(
  attemptId: string,
  memory: AttemptLocalState,
  change: (state: AttemptLocalState) => void,
): AttemptLocalState {
  const stored = loadLocalState(attemptId);
  const merged: AttemptLocalState = {
    v: 1,
    seq: Math.max(stored.seq, memory.seq),
    position: memory.position,
    pending: { ...memory.pending },
    feedback: { ...stored.feedback, ...memory.feedback },
    warned: [...new Set([...stored.warned, ...memory.warned])],
    times: maxOf(stored.times, memory.times),
    reported: maxOf(stored.reported, memory.reported),
  };
  for (const [position, answer] of Object.entries(stored.pending)) {
    const mine = merged.pending[position];
    if (!mine || mine.seq < answer.seq) merged.pending[position] = answer;
  }
  change(merged);
  writeJson(key(attemptId), merged);
  return merged;
}

/** Once an attempt is over nothing here is needed (answers are on the server, or too late). */
export function clearLocalState(attemptId: string): void {
  removeKey(key(attemptId));
}
