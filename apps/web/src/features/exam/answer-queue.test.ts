import type { SaveAnswerRequest, SaveAnswerResponse } from '@saa/contract/attempts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api-client.ts';
import { AnswerQueue, type AnswerQueueCallbacks } from './answer-queue.ts';
import { loadLocalState } from './attempt-store.ts';

// The transport is a stub that answers each send as the test says; everything else is real: the
// queue, its persistence in localStorage, and its timers (faked, so backoff runs instantly).
type Reply = (position: number, body: SaveAnswerRequest) => Promise<SaveAnswerResponse>;

const ok: Reply = async (position, body) => ({
  position,
  answer: { selected: body.selected, flagged: body.flagged, seq: body.seq },
  applied: true,
  remainingSeconds: 600,
});
const problem = (status: number, code: string) =>
  new ApiError(status, { type: 'about:blank', title: '', status, detail: `failed with ${code}`, code });

let attemptCounter = 0;
function makeQueue(reply: Reply) {
  attemptCounter += 1;
  const attemptId = `attempt-${attemptCounter}`;
  const send = vi.fn(reply);
  const callbacks: AnswerQueueCallbacks = {
    send,
    onSaved: vi.fn(),
    onRejected: vi.fn(),
    onClosed: vi.fn(),
    onUnauthorized: vi.fn(),
    onMissing: vi.fn(),
  };
  const queue = new AnswerQueue(attemptId, callbacks);
  queue.attach();
  return { attemptId, queue, send, callbacks };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the answer queue', () => {
  it('sends the confidence with the answer, null to take it back, and nothing when the caller gave none', async () => {
    const { attemptId, queue, send } = makeQueue(ok);
    queue.enqueue(1, ['a'], false, 'guess');
    expect(loadLocalState(attemptId).pending['1']).toMatchObject({ confidence: 'guess' });
    await settle();
    queue.enqueue(1, ['a'], false, null);
    await settle();
    queue.enqueue(1, ['a'], true);
    await settle();
    expect(send.mock.calls.map(([, body]) => body)).toEqual([
      { selected: ['a'], flagged: false, seq: 1, confidence: 'guess' },
      { selected: ['a'], flagged: false, seq: 2, confidence: null },
      { selected: ['a'], flagged: true, seq: 3 },
    ]);
  });

  it('stores an answer before sending it and forgets it once acknowledged', async () => {
    const { attemptId, queue, send, callbacks } = makeQueue(ok);
    queue.enqueue(3, ['b'], false);
    expect(loadLocalState(attemptId).pending['3']).toMatchObject({ selected: ['b'], seq: 1 });
    await settle();
    expect(send).toHaveBeenCalledWith(3, { selected: ['b'], flagged: false, seq: 1 });
    expect(callbacks.onSaved).toHaveBeenCalledTimes(1);
    expect(loadLocalState(attemptId).pending).toEqual({});
    expect(queue.getStatus()).toEqual({ kind: 'saved' });
  });

  it('keeps answers queued on 401 and sends them once back (signed in again, online)', async () => {
    let signedIn = false;
    const { attemptId, queue, send, callbacks } = makeQueue(async (p, b) => {
      if (!signedIn) throw problem(401, 'unauthenticated');
      return ok(p, b);
    });
    queue.enqueue(1, ['a'], false);
    await settle();
    expect(queue.getStatus()).toEqual({ kind: 'signed-out' });
    expect(callbacks.onUnauthorized).toHaveBeenCalled();
    expect(callbacks.onRejected).not.toHaveBeenCalled();
    expect(loadLocalState(attemptId).pending['1']).toMatchObject({ selected: ['a'] });
    // Nothing is sent while signed out, however long it waits.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);

    signedIn = true;
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(send).toHaveBeenCalledTimes(2);
    expect(loadLocalState(attemptId).pending).toEqual({});
    expect(queue.getStatus()).toEqual({ kind: 'saved' });
  });

  it('closes on 409 attempt_closed', async () => {
    const { queue, callbacks } = makeQueue(async () => {
      throw problem(409, 'attempt_closed');
    });
    queue.enqueue(1, ['a'], false);
    await settle();
    expect(queue.getStatus()).toEqual({ kind: 'closed' });
    expect(callbacks.onClosed).toHaveBeenCalledTimes(1);
  });

  it('drops only the refused save on 400 and goes on with the others', async () => {
    const { attemptId, queue, callbacks } = makeQueue(async (position, body) => {
      if (position === 1) throw problem(400, 'validation_failed');
      return ok(position, body);
    });
    queue.enqueue(1, ['z'], false);
    queue.enqueue(2, ['c'], true);
    await settle();
    expect(callbacks.onRejected).toHaveBeenCalledWith(1);
    expect(callbacks.onSaved).toHaveBeenCalledTimes(1);
    expect(loadLocalState(attemptId).pending).toEqual({});
    expect(queue.getStatus()).toEqual({ kind: 'saved' });
  });

  it('backs off 1 s, then 2 s (±20%) while offline, keeping everything, and catches up', async () => {
    let online = false;
    const { attemptId, queue, send } = makeQueue(async (p, b) => {
      if (!online) throw new TypeError('Failed to fetch');
      return ok(p, b);
    });
    const start = Date.now();
    queue.enqueue(1, ['a'], false);
    await settle();
    const first = queue.getStatus();
    expect(first.kind).toBe('offline');
    const firstDelay = (first as { retryAt: number }).retryAt - start;
    expect(firstDelay).toBeGreaterThanOrEqual(800);
    expect(firstDelay).toBeLessThanOrEqual(1200);

    await vi.advanceTimersByTimeAsync(firstDelay);
    expect(send).toHaveBeenCalledTimes(2);
    const second = queue.getStatus() as { kind: string; retryAt: number };
    expect(second.kind).toBe('offline');
    const secondDelay = second.retryAt - Date.now();
    expect(secondDelay).toBeGreaterThanOrEqual(1600);
    expect(secondDelay).toBeLessThanOrEqual(2400);
    expect(loadLocalState(attemptId).pending['1']).toBeDefined();

    online = true;
    await vi.advanceTimersByTimeAsync(2400);
    expect(loadLocalState(attemptId).pending).toEqual({});
    expect(queue.getStatus()).toEqual({ kind: 'saved' });
  });

  it('refuses to report idle (and so to submit) while an answer is unsent', async () => {
    const { queue } = makeQueue(async () => {
      throw new TypeError('Failed to fetch');
    });
    queue.enqueue(1, ['a'], false);
    const flushed = queue.flush(3000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(await flushed).toBe(false);
    expect(queue.pendingCount()).toBe(1);
  });

  it('never erases unsent answers when the server does not know the attempt (404)', async () => {
    const { attemptId, queue, callbacks, send } = makeQueue(async () => {
      throw problem(404, 'not_found');
    });
    queue.enqueue(1, ['a'], false);
    queue.enqueue(2, ['b'], true);
    await settle();
    expect(queue.getStatus()).toEqual({ kind: 'missing' });
    expect(callbacks.onMissing).toHaveBeenCalled();
    expect(callbacks.onClosed).not.toHaveBeenCalled();
    expect(callbacks.onRejected).not.toHaveBeenCalled();
    expect(Object.keys(loadLocalState(attemptId).pending).sort()).toEqual(['1', '2']);
    // It stops sending rather than hammering the server.
    const calls = send.mock.calls.length;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(send.mock.calls.length).toBe(calls);
  });

  it('continues the seq counter above what a reload and the server have seen', async () => {
    const { attemptId, queue } = makeQueue(async () => {
      throw new TypeError('offline');
    });
    queue.enqueue(1, ['a'], false);
    queue.enqueue(1, ['b'], false);
    queue.detach();
    // A reload: a new queue on the same attempt, the server holding seq 7 for question 2.
    const reloaded = new AnswerQueue(attemptId, {
      send: ok,
      onSaved: vi.fn(),
      onRejected: vi.fn(),
      onClosed: vi.fn(),
      onUnauthorized: vi.fn(),
    });
    const effective = reloaded.reconcile(
      new Map([
        [1, null],
        [2, { selected: ['d'], flagged: false, seq: 7 }],
      ]),
    );
    expect(effective.get(1)).toMatchObject({ selected: ['b'], seq: 2 });
    expect(reloaded.enqueue(3, ['c'], false).seq).toBe(8);
  });
});
