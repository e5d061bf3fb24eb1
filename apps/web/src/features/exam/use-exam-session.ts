import type { AnswerFeedback, AttemptResponse, Confidence, SaveAnswerResponse } from '@saa/contract/attempts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { meQueryKey } from '../../lib/api/get-me.ts';
import { AnswerQueue } from './answer-queue.ts';
import { getRunningAttempt } from './api/get-running-attempt.ts';
import { saveAnswer } from './api/save-answer.ts';
import type { PendingAnswer } from './attempt-store.ts';
import { Countdown } from './countdown.ts';
import { QuestionTimer } from './question-timer.ts';

export interface AnswerState {
  selected: string[];
  flagged: boolean;
  /** How sure the candidate said they are (S, U, G), or null. */
  confidence: Confidence | null;
}

const stateOf = (answer: { selected: string[]; flagged: boolean; confidence?: Confidence | null }): AnswerState => ({
  selected: answer.selected,
  flagged: answer.flagged,
  confidence: answer.confidence ?? null,
});

interface SessionOptions {
  attempt: AttemptResponse;
  receivedAt: number;
  /** The server stopped accepting answers (deadline passed, submitted elsewhere). */
  onClosed: () => void;
}

function clampPosition(position: number, count: number) {
  return Number.isInteger(position) && position >= 1 && position <= count ? position : 1;
}

/**
 * Everything a running attempt needs beyond rendering: answers merged from the server and this
 * browser's unsent queue, the autosave engine, the drift-corrected clock, the resumed position
 * and immediate-feedback verdicts.
 */
export function useExamSession({ attempt, receivedAt, onClosed }: SessionOptions) {
  const queryClient = useQueryClient();
  const onClosedRef = useRef(onClosed);
  onClosedRef.current = onClosed;

  // Set up once per attempt; the answer map below starts from the reconciled state.
  const [setup] = useState(() => {
    const handlers = {
      onSaved: (_response: SaveAnswerResponse, _sent: PendingAnswer) => {},
      onRejected: (_position: number) => {},
    };
    const queue = new AnswerQueue(attempt.id, {
      send: (position, body) => saveAnswer(attempt.id, position, body),
      onSaved: (response, sent) => handlers.onSaved(response, sent),
      onRejected: (position) => handlers.onRejected(position),
      onClosed: () => onClosedRef.current(),
      // The session ended: the auth guard sends the user to sign in; answers stay queued meanwhile.
      onUnauthorized: () => queryClient.setQueryData(meQueryKey, null),
    });
    const server = new Map(attempt.questions.map((q) => [q.position, q.answer] as const));
    const merged = queue.reconcile(server);
    const answers = new Map<number, AnswerState>();
    for (const [position, answer] of merged) answers.set(position, stateOf(answer));
    const resync = () => {
      getRunningAttempt(attempt.id)
        .then(({ attempt: fresh, receivedAt: at }) => {
          if (fresh.status !== 'in_progress') onClosedRef.current();
          else countdown.reanchor(fresh.remainingSeconds, at);
        })
        .catch(() => {
          // Offline: keep counting locally; the next save or focus will try again.
        });
    };
    const countdown = new Countdown(attempt.remainingSeconds, receivedAt, resync);
    const timer = new QuestionTimer(queue);
    return { queue, countdown, handlers, answers, resync, timer };
  });
  const { queue, countdown, handlers, resync, timer } = setup;

  const [answers, setAnswers] = useState(setup.answers);
  const [feedback, setFeedback] = useState<Record<string, AnswerFeedback>>(() => ({ ...queue.local.feedback }));
  const [position, setPositionState] = useState(() => clampPosition(queue.local.position, attempt.questionCount));
  const status = useSyncExternalStore(queue.subscribe, queue.getStatus);

  // Handlers read the latest state through closures refreshed on every render.
  handlers.onSaved = (response, sent) => {
    countdown.reanchor(response.remainingSeconds);
    if (response.feedback) {
      const verdict = response.feedback;
      setFeedback((current) => ({ ...current, [response.position]: verdict }));
      queue.remember((state) => {
        state.feedback[response.position] = verdict;
      });
    }
    // Another tab or device saved a newer answer: show the server's, unless a newer one is queued here.
    if (!response.applied && response.answer.seq > sent.seq && !queue.isPending(response.position)) {
      setAnswers((current) => new Map(current).set(response.position, stateOf(response.answer)));
    }
  };
  handlers.onRejected = () => {
    // The server refused an answer (e.g. locked after feedback): show what it actually stored.
    getRunningAttempt(attempt.id)
      .then(({ attempt: fresh }) => {
        setAnswers((current) => {
          const next = new Map(current);
          for (const q of fresh.questions) {
            if (q.answer && !queue.isPending(q.position)) {
              next.set(q.position, stateOf(q.answer));
            }
          }
          return next;
        });
      })
      .catch(() => {});
  };

  useEffect(() => {
    queue.attach();
    countdown.start();
    return () => {
      timer.show(null);
      queue.detach();
      countdown.stop();
    };
  }, [queue, countdown, timer]);

  // Time on screen: count while the tab is visible; keep the count every 5 s against a crash.
  useEffect(() => {
    const onVisibility = () => timer.visibilityChanged();
    document.addEventListener('visibilitychange', onVisibility);
    const keep = setInterval(() => timer.flush(), 5000);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(keep);
    };
  }, [timer]);

  // Timers in background tabs are throttled and a sleeping laptop stops them: ask the server for
  // the true remaining time whenever the page comes back.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') resync();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', resync);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', resync);
    };
  }, [resync]);

  // The question on screen, for the timer; a question only looked at reports its time when left.
  const answersRef = useRef(answers);
  answersRef.current = answers;
  useEffect(() => {
    timer.show(position);
    return () => {
      timer.show(null);
      if (!timer.unreported(3000).includes(position)) return;
      const answer = answersRef.current.get(position);
      queue.enqueue(position, answer?.selected ?? [], answer?.flagged ?? false, answer?.confidence ?? null);
    };
  }, [position, timer, queue]);

  /** Sends the time of every question whose count grew (before submitting or leaving). */
  const reportTimes = useCallback(() => {
    for (const p of timer.unreported(1000)) {
      const answer = answersRef.current.get(p);
      queue.enqueue(p, answer?.selected ?? [], answer?.flagged ?? false, answer?.confidence ?? null);
    }
  }, [timer, queue]);

  const setPosition = useCallback(
    (next: number) => {
      const clamped = clampPosition(next, attempt.questionCount);
      setPositionState(clamped);
      queue.remember((state) => {
        state.position = clamped;
      });
    },
    [attempt.questionCount, queue],
  );

  const saveAnswerState = useCallback(
    (target: number, next: AnswerState) => {
      setAnswers((current) => new Map(current).set(target, next));
      queue.enqueue(target, next.selected, next.flagged, next.confidence);
    },
    [queue],
  );

  return { queue, countdown, answers, feedback, position, setPosition, saveAnswerState, status, reportTimes };
}
