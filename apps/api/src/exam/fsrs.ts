import { type Card, createEmptyCard, fsrs, generatorParameters, Rating, type State } from 'ts-fsrs';

/** A review card as stored (the ReviewCard columns without the keys). */
export interface StoredCard {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
}

// Fuzz spreads due dates randomly; without it a schedule is reproducible, which tests and users
// ("why is this due now?") both prefer at this scale.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

function toCard(stored: StoredCard): Card {
  return {
    due: stored.due,
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsedDays,
    scheduled_days: stored.scheduledDays,
    learning_steps: stored.learningSteps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state as State,
    ...(stored.lastReview ? { last_review: stored.lastReview } : {}),
  };
}

function fromCard(card: Card): StoredCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

/**
 * The next state of a question's card after it was scored. A wrong answer rates Again (starting a
 * card if there is none), a right one rates Good, but only for a question already being drilled:
 * questions answered right the first time never enter the drill. Returns null when nothing changes.
 */
export function reviewAfterAnswer(existing: StoredCard | null, correct: boolean, now: Date): StoredCard | null {
  if (correct && !existing) return null;
  const card = existing ? toCard(existing) : createEmptyCard(now);
  return fromCard(scheduler.next(card, now, correct ? Rating.Good : Rating.Again).card);
}
