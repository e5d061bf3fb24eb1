import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AnswerQueue } from './answer-queue.ts';
import { QuestionTimer } from './question-timer.ts';

let clock = 0;
let visible = true;
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (visible ? 'visible' : 'hidden') });

let counter = 0;
function setup() {
  counter += 1;
  const queue = new AnswerQueue(`timer-${counter}`, {
    send: vi.fn(),
    onSaved: vi.fn(),
    onRejected: vi.fn(),
    onClosed: vi.fn(),
    onUnauthorized: vi.fn(),
  });
  return { queue, timer: new QuestionTimer(queue, () => clock) };
}

beforeEach(() => {
  clock = 0;
  visible = true;
  localStorage.clear();
});

describe('time on screen per question', () => {
  it('counts each question while it is shown, and keeps the count across switches', () => {
    const { queue, timer } = setup();
    timer.show(1);
    clock = 4000;
    timer.show(2);
    clock = 6500;
    timer.show(1);
    clock = 7500;
    timer.flush();
    expect(queue.local.times).toEqual({ 1: 5000, 2: 2500 });
  });

  it('does not count while the tab is hidden', () => {
    const { queue, timer } = setup();
    timer.show(3);
    clock = 2000;
    visible = false;
    timer.visibilityChanged();
    clock = 62_000;
    visible = true;
    timer.visibilityChanged();
    clock = 63_000;
    timer.flush();
    expect(queue.local.times[3]).toBe(3000);
  });

  it('names the questions whose time grew enough since it was last sent, unless a save is queued', () => {
    const { queue, timer } = setup();
    timer.show(1);
    clock = 2000;
    timer.show(2);
    clock = 6000;
    timer.show(null);
    expect(timer.unreported(3000)).toEqual([2]);
    expect(timer.unreported(1000)).toEqual([1, 2]);
    queue.remember((state) => {
      state.reported[2] = 4000;
    });
    expect(timer.unreported(1000)).toEqual([1]);
  });

  it('survives a reload: the count is in the attempt store', () => {
    const { queue, timer } = setup();
    timer.show(5);
    clock = 9000;
    timer.flush();
    const again = new AnswerQueue(`timer-${counter}`, {
      send: vi.fn(),
      onSaved: vi.fn(),
      onRejected: vi.fn(),
      onClosed: vi.fn(),
      onUnauthorized: vi.fn(),
    });
    expect(again.local.times[5]).toBe(9000);
    expect(queue.local.times[5]).toBe(9000);
  });
});
