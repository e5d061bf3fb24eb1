import type { AttemptResponse, Confidence } from '@saa/contract/attempts';
import { type MouseEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Dialog } from '../../components/dialog.tsx';
import { ThemeToggle } from '../../components/theme-toggle.tsx';
import { ApiError, errorMessage } from '../../lib/api-client.ts';
import { formatClock, MODE_LABEL, plural } from '../../lib/format.ts';
import { useSubmitAttempt } from './api/submit-attempt.ts';
import { clearLocalState } from './attempt-store.ts';
import { ConfidencePicker } from './confidence-picker.tsx';
import { isAnswered, QuestionNavigator } from './question-navigator.tsx';
import { nextSelection, QuestionView } from './question-view.tsx';
import { SaveStatus } from './save-status.tsx';
import { ShortcutsDialog } from './shortcuts-dialog.tsx';
import { SubmitDialog } from './submit-dialog.tsx';
import { TimerDisplay } from './timer-display.tsx';
import { useExamSession } from './use-exam-session.ts';
import { useExamShortcuts } from './use-exam-shortcuts.ts';
import { useTimeWarnings } from './use-time-warnings.ts';
import { WalkBar } from './walk-bar.tsx';

type Phase = 'running' | 'submitting' | 'time-up';

const WARNING_TEXT: Record<number, string> = {
  600: '10 minutes left.',
  300: '5 minutes left.',
  60: '1 minute left. Unanswered questions count as wrong; the exam submits itself at zero.',
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function ExamRunner({ attempt, receivedAt }: { attempt: AttemptResponse; receivedAt: number }) {
  const navigate = useNavigate();
  const submit = useSubmitAttempt();
  const [phase, setPhase] = useState<Phase>('running');
  const [submitOpen, setSubmitOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [limitMessage, setLimitMessage] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const finishing = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);

  const goToResults = useCallback(() => {
    clearLocalState(attempt.id);
    navigate(`/attempts/${attempt.id}/results`, { replace: true });
  }, [attempt.id, navigate]);

  const session = useExamSession({ attempt, receivedAt, onClosed: goToResults });
  const { queue, countdown, answers, feedback, position, setPosition, saveAnswerState, status, reportTimes } = session;
  const [exitOpen, setExitOpen] = useState(false);
  /** On a phone the navigator is one tap away, in a sheet over the question. */
  const [sheetOpen, setSheetOpen] = useState(false);
  /** Stepping through the flagged or unanswered questions from the submit dialog. */
  const [walk, setWalk] = useState<{ kind: 'flagged' | 'unanswered'; positions: number[] } | null>(null);
  const immediate = attempt.feedback === 'immediate';
  const question = attempt.questions[position - 1] ?? attempt.questions[0];

  /** Saves what is queued, then submits; at zero the clock calls this too. */
  const finish = useCallback(
    async (reason: 'user' | 'time') => {
      if (finishing.current) return;
      finishing.current = true;
      setSubmitError(null);
      setPhase(reason === 'time' ? 'time-up' : 'submitting');
      // The time of questions only looked at goes out with the last saves.
      reportTimes();
      const flushed = await queue.flush(reason === 'time' ? 5000 : 10_000);
      if (!flushed && reason === 'user' && queue.getStatus().kind !== 'closed') {
        // Never submit over answers that have not reached the server: they would be lost.
        setSubmitError(
          'Some answers have not reached the server yet. They are kept on this device; submit again when the connection is back.',
        );
        setPhase('running');
        finishing.current = false;
        return;
      }
      for (let attemptNo = 0; ; attemptNo++) {
        try {
          await submit.mutateAsync(attempt.id);
          break;
        } catch (error) {
          // 409: the deadline passed on the server's clock, and the server scores the attempt itself.
          if (error instanceof ApiError && (error.status === 409 || error.status === 404)) break;
          if (reason === 'time') {
            // At zero there is nothing left to decide: retry a few times, then let the results
            // page show what the server recorded (it expires the attempt on its own).
            if (attemptNo >= 4) break;
            await wait(1000 * 2 ** attemptNo);
            continue;
          }
          setSubmitError(errorMessage(error));
          setPhase('running');
          finishing.current = false;
          return;
        }
      }
      goToResults();
    },
    [attempt.id, goToResults, queue, submit, reportTimes],
  );

  const { warning, dismissWarning } = useTimeWarnings(attempt, countdown, queue, () => void finish('time'));

  const go = useCallback(
    (target: number, moveFocus: boolean) => {
      if (target < 1 || target > attempt.questionCount || target === position) return;
      focusHeading.current = moveFocus;
      setLimitMessage('');
      setPosition(target);
      setAnnouncement(`Question ${target} of ${attempt.questionCount}`);
    },
    [attempt.questionCount, position, setPosition],
  );

  // Focus follows the question when asked to, or when the focused option disappeared with the old one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose after each question change
  useEffect(() => {
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (focusHeading.current || lost) headingRef.current?.focus();
    focusHeading.current = false;
  }, [position]);

  const answer = question ? answers.get(question.position) : undefined;
  const complete = question ? (answer?.selected.length ?? 0) === question.choose : false;
  const locked = immediate && complete;

  const choose = (optionId: string) => {
    if (!question || phase !== 'running') return;
    if (locked) {
      setLimitMessage('This answer is locked: its feedback is shown below.');
      return;
    }
    const result = nextSelection(question, answer?.selected ?? [], optionId);
    if ('refused' in result) {
      setLimitMessage(result.refused);
      return;
    }
    setLimitMessage('');
    saveAnswerState(question.position, {
      selected: result.selected,
      flagged: answer?.flagged ?? false,
      confidence: answer?.confidence ?? null,
    });
  };

  const toggleFlag = () => {
    if (!question || phase !== 'running') return;
    saveAnswerState(question.position, {
      selected: answer?.selected ?? [],
      flagged: !answer?.flagged,
      confidence: answer?.confidence ?? null,
    });
  };

  /** S, U or G; the same level again takes it back. Fixed once immediate feedback has judged. */
  const toggleConfidence = (level: Confidence) => {
    if (!question || phase !== 'running' || locked) return;
    saveAnswerState(question.position, {
      selected: answer?.selected ?? [],
      flagged: answer?.flagged ?? false,
      confidence: answer?.confidence === level ? null : level,
    });
  };

  // After a reload, immediate-feedback verdicts that were not kept locally are fetched again by
  // re-saving the same (locked) answer: the server answers a complete answer with its feedback.
  const refetched = useRef(new Set<number>());
  useEffect(() => {
    if (!immediate || !question || !complete || feedback[question.position]) return;
    if (queue.isPending(question.position) || refetched.current.has(question.position)) return;
    refetched.current.add(question.position);
    queue.enqueue(question.position, answer?.selected ?? [], answer?.flagged ?? false, answer?.confidence ?? null);
  }, [immediate, question, complete, feedback, queue, answer]);

  useExamShortcuts(
    {
      choose: (index) => {
        const option = question?.options[index];
        if (option) choose(option.id);
      },
      previous: () => go(position - 1, false),
      next: () => go(position + 1, false),
      flag: toggleFlag,
      confidence: toggleConfidence,
      help: () => setHelpOpen(true),
    },
    phase === 'running',
  );

  const unanswered = attempt.questions.filter((q) => !isAnswered(q, answers.get(q.position))).length;
  const flagged = attempt.questions.filter((q) => answers.get(q.position)?.flagged).length;
  const firstUnanswered = attempt.questions.find((q) => !isAnswered(q, answers.get(q.position)));
  const isLast = position === attempt.questionCount;

  const leave = async () => {
    setExitOpen(false);
    reportTimes();
    await queue.flush(3000);
    navigate('/');
  };
  /** A timed attempt's clock keeps running while away: say so before leaving. */
  const saveAndExit = async (event: MouseEvent) => {
    event.preventDefault();
    if (attempt.deadline) setExitOpen(true);
    else await leave();
  };

  if (!question) return null;
  return (
    <div className="exam-shell">
      <a className="skip-link" href="#question-area">
        Skip to the question
      </a>
      <header className="exam-bar">
        <Link to="/" className="exam-exit" onClick={saveAndExit} aria-label="Save and exit">
          <span aria-hidden="true">←</span> <span className="exit-long">Save and </span>exit
        </Link>
        <p className="exam-title">
          {MODE_LABEL[attempt.mode]} <span className="muted">· {plural(attempt.questionCount, 'question')}</span>
        </p>
        <TimerDisplay countdown={countdown} />
        <SaveStatus status={status} pending={queue.pendingCount()} />
        <div className="exam-tools">
          <button
            type="button"
            className="icon-button"
            onClick={() => setHelpOpen(true)}
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
          >
            ?
          </button>
          <ThemeToggle />
          <button
            type="button"
            className="button button-small button-secondary questions-button"
            aria-haspopup="dialog"
            onClick={() => setSheetOpen(true)}
          >
            Questions {position}/{attempt.questionCount}
            {flagged > 0 && (
              <>
                <span aria-hidden="true"> ⚑{flagged}</span>
                <span className="visually-hidden">, {flagged} flagged</span>
              </>
            )}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => setSubmitOpen(true)}
            disabled={phase !== 'running'}
          >
            Submit
          </button>
        </div>
      </header>

      {status.kind === 'missing' && (
        <div className="banner banner-bad exam-missing" role="alert">
          <strong>This attempt was not found on the server for the account you are signed in with.</strong>{' '}
          {queue.pendingCount() > 0
            ? `Your ${queue.pendingCount()} unsent ${queue.pendingCount() === 1 ? 'answer is' : 'answers are'} kept on this device, not deleted. `
            : 'Nothing unsent was lost. '}
          If you signed in with another account, sign in again with the one that started this attempt and reload.
        </div>
      )}
      <div className="time-warning" role="alert">
        {warning !== null && (
          <p className="banner banner-warn">
            <strong>{WARNING_TEXT[warning]}</strong>
            <button type="button" className="link-button" onClick={dismissWarning}>
              Dismiss
            </button>
          </p>
        )}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      <main id="main" tabIndex={-1} className="exam-main">
        <div className="exam-layout">
          <div id="question-area" className="exam-question">
            {walk && (
              <WalkBar
                kind={walk.kind}
                positions={walk.positions}
                current={position}
                onGo={(target) => go(target, true)}
                onBackToSubmit={() => {
                  setWalk(null);
                  setSubmitOpen(true);
                }}
                onStop={() => setWalk(null)}
              />
            )}
            <QuestionView
              key={question.position}
              attemptId={attempt.id}
              question={question}
              total={attempt.questionCount}
              answer={answer}
              immediate={immediate}
              feedback={feedback[question.position]}
              awaitingFeedback={queue.isPending(question.position) && status.kind !== 'saving'}
              headingRef={headingRef}
              onChoose={choose}
              limitMessage={limitMessage}
            />
            <ConfidencePicker
              value={answer?.confidence ?? null}
              onChange={toggleConfidence}
              disabled={locked}
              immediate={immediate}
            />
            <div className="question-actions">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => go(position - 1, false)}
                disabled={position === 1}
              >
                <span aria-hidden="true">←</span> Previous
              </button>
              <button
                type="button"
                className={`button button-secondary flag-button ${answer?.flagged ? 'button-flagged' : ''}`}
                aria-pressed={answer?.flagged ?? false}
                onClick={toggleFlag}
              >
                {answer?.flagged ? 'Flagged' : 'Flag for review'}
              </button>
              {isLast ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => setSubmitOpen(true)}
                  disabled={phase !== 'running'}
                >
                  Review and submit
                </button>
              ) : (
                <button type="button" className="button" onClick={() => go(position + 1, false)}>
                  Next <span aria-hidden="true">→</span>
                </button>
              )}
            </div>
            <p className="shortcut-hint muted">
              Press <kbd>?</kbd> for keyboard shortcuts.
            </p>
          </div>
          <QuestionNavigator
            questions={attempt.questions}
            answers={answers}
            current={position}
            onGo={(p) => go(p, true)}
          />
        </div>
      </main>

      <Dialog open={sheetOpen} onClose={() => setSheetOpen(false)} title="Questions" className="navigator-sheet">
        <QuestionNavigator
          questions={attempt.questions}
          answers={answers}
          current={position}
          onGo={(p) => {
            setSheetOpen(false);
            go(p, true);
          }}
        />
      </Dialog>
      <SubmitDialog
        open={submitOpen && phase !== 'time-up'}
        unanswered={unanswered}
        flagged={flagged}
        pendingSaves={queue.pendingCount()}
        submitting={phase === 'submitting'}
        error={submitError}
        onCancel={() => {
          setSubmitOpen(false);
          setSubmitError(null);
        }}
        onConfirm={() => void finish('user')}
        onShowUnanswered={
          firstUnanswered
            ? () => {
                const positions = attempt.questions
                  .filter((q) => !isAnswered(q, answers.get(q.position)))
                  .map((q) => q.position);
                setSubmitOpen(false);
                setWalk({ kind: 'unanswered', positions });
                go(positions[0] ?? firstUnanswered.position, true);
              }
            : null
        }
        onReviewFlagged={
          flagged > 0
            ? () => {
                const positions = attempt.questions
                  .filter((q) => answers.get(q.position)?.flagged)
                  .map((q) => q.position);
                setSubmitOpen(false);
                setWalk({ kind: 'flagged', positions });
                if (positions[0] !== undefined) go(positions[0], true);
              }
            : null
        }
      />
      <ShortcutsDialog open={helpOpen && phase !== 'time-up'} onClose={() => setHelpOpen(false)} />
      <Dialog
        open={exitOpen}
        onClose={() => setExitOpen(false)}
        title="Leave the exam?"
        actions={
          <>
            <button type="button" className="button" data-autofocus onClick={() => setExitOpen(false)}>
              Stay
            </button>
            <button type="button" className="button button-secondary" onClick={() => void leave()}>
              Save and exit
            </button>
          </>
        }
      >
        <p>
          Your answers are saved, but the timer keeps running while you are away:{' '}
          <strong>{formatClock(Math.ceil(countdown.remaining() ?? 0))} left</strong>. Resume from the dashboard before
          it runs out.
        </p>
      </Dialog>
      <Dialog open={phase === 'time-up'} onClose={() => {}} title="Time is up">
        <p role="status">Your answers are being submitted. The results open in a moment.</p>
      </Dialog>
    </div>
  );
}
