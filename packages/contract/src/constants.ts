// Facts both apps share that are plain values, kept apart from the zod schemas: the web app
// imports this module (and only types from the others), so no schema library reaches the browser.

/** Exam facts the API and the web app share. */
export const EXAM = {
  mockQuestions: 65,
  mockMinutes: 130,
  passingScore: 720,
  minScaledScore: 100,
  maxScaledScore: 1000,
  maxPracticeQuestions: 130,
  /** The exam's pace: 130 minutes for 65 questions. */
  secondsPerQuestion: 120,
} as const;

/** The four content domains of the SAA-C03 exam guide, with their weights in percent. */
export const DOMAINS = [
  { id: 'secure', name: 'Design Secure Architectures', weight: 30 },
  { id: 'resilient', name: 'Design Resilient Architectures', weight: 26 },
  { id: 'high-performing', name: 'Design High-Performing Architectures', weight: 24 },
  { id: 'cost-optimized', name: 'Design Cost-Optimized Architectures', weight: 20 },
] as const;

export const DOMAIN_IDS = ['secure', 'resilient', 'high-performing', 'cost-optimized'] as const;

/** Why a question is reported. */
export const REPORT_REASONS = ['wrong_key', 'outdated', 'unclear', 'typo', 'other'] as const;

export const REPORT_REASON_LABEL: Record<(typeof REPORT_REASONS)[number], string> = {
  wrong_key: 'The answer key is wrong',
  outdated: 'It is out of date',
  unclear: 'The question or an option is unclear',
  typo: 'A typo or a broken link',
  other: 'Something else',
};

/** Which questions of a finished attempt the review lists. */
export const REVIEW_FILTERS = ['all', 'wrong', 'unanswered', 'missed', 'flagged', 'guessed', 'sure-wrong'] as const;
/** Questions per page of the review (`?page=`). */
export const REVIEW_PAGE_SIZE = 20;
