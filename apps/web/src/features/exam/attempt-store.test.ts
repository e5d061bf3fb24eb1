import { beforeEach, describe, expect, it } from 'vitest';
import { type AttemptLocalState, clearLocalState, loadLocalState, updateLocalState } from './attempt-store.ts';

beforeEach(() => localStorage.clear());

describe('the attempt store', () => {
  it('merges two tabs on one attempt: the newer seq wins per question, the counter never goes back', () => {
    const id = 'two-tabs';
    // Both tabs loaded the same (empty) state.
    let tabA: AttemptLocalState = loadLocalState(id);
    let tabB: AttemptLocalState = loadLocalState(id);
    tabA = updateLocalState(id, tabA, (s) => {
      s.seq = 3;
      s.pending['1'] = { selected: ['a'], flagged: false, seq: 3 };
      s.pending['2'] = { selected: ['c'], flagged: false, seq: 2 };
    });
    // Tab B does not know about A's answers; its own change must not wipe them out.
    tabB = updateLocalState(id, tabB, (s) => {
      s.seq += 1;
      s.pending['2'] = { selected: ['d'], flagged: true, seq: s.seq };
    });
    const stored = loadLocalState(id);
    expect(stored.pending['1']).toEqual({ selected: ['a'], flagged: false, seq: 3 });
    expect(stored.pending['2']).toEqual({ selected: ['d'], flagged: true, seq: 4 });
    expect(stored.seq).toBe(4);
    expect(tabB.seq).toBe(4);
    // Tab A's next change keeps B's newer answer to question 2.
    tabA = updateLocalState(id, tabA, (s) => {
      s.position = 5;
    });
    expect(tabA.pending['2']?.seq).toBe(4);
  });

  it('reads corrupt or foreign data as an empty state, and clears an attempt that is over', () => {
    localStorage.setItem('saa:attempt:broken', '{not json');
    expect(loadLocalState('broken')).toMatchObject({ seq: 0, pending: {} });
    localStorage.setItem('saa:attempt:old', JSON.stringify({ v: 0, seq: 9 }));
    expect(loadLocalState('old').seq).toBe(0);
    updateLocalState('done', loadLocalState('done'), (s) => {
      s.seq = 2;
    });
    clearLocalState('done');
    expect(localStorage.getItem('saa:attempt:done')).toBeNull();
  });
});
