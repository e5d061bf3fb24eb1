import { DOMAINS } from '@saa/contract/domains';
import type { Question } from '@saa/contract/question';
import type { Problem } from './problems.ts';
import { SECTION_IDS, SECTIONS } from './sections.ts';

/** The bank's targets (see the package README). */
export const TARGETS = {
  total: 450,
  authored: 180,
  multipleShare: 0.2,
  perSection: 3,
  /** Six disjoint full mocks must be fillable from each domain at the exam's weights. */
  disjointMocks: 6,
  mockSize: 65,
  /** No answer position may hold the key of more than this share of single-answer questions. */
  maxKeyPositionShare: 0.35,
  /** Candidates learn "pick the longest option" when the key is strictly longest too often. */
  maxLongestKeyShare: 0.4,
} as const;

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
const BANNED_OPTION = /\b(all|none|both|neither) of the (above|following)\b/i;

/** Checks that need only one question. Returns messages. */
export function checkQuestion(q: Question): string[] {
  const messages: string[] = [];
  if (!SECTION_IDS.has(q.section)) messages.push(`unknown section "${q.section}"`);
  const texts = q.options.map((o) => normalize(o.text));
  if (new Set(texts).size !== texts.length) messages.push('two options have the same text');
  for (const o of q.options) {
    if (BANNED_OPTION.test(o.text)) messages.push(`option ${o.id} uses "${o.text.match(BANNED_OPTION)?.[0]}"`);
  }
  if (!/[?.)]$/.test(q.stem.trim())) messages.push('the stem must end with a question or an instruction');
  return messages;
}

/** How many questions each domain needs to fill `disjointMocks` mocks at the exam weights. */
export function domainCapacityNeeded(): Record<string, number> {
  return Object.fromEntries(
    DOMAINS.map((d) => [d.id, Math.ceil((TARGETS.mockSize * d.weight) / 100) * TARGETS.disjointMocks]),
  );
}

export function keyPositionShares(questions: Question[]): number[] {
  const singles = questions.filter((q) => q.type === 'single');
  const counts = [0, 0, 0, 0];
  for (const q of singles) {
    const index = q.options.findIndex((o) => o.correct);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts.map((c) => (singles.length ? c / singles.length : 0));
}

export function longestKeyShare(questions: Question[]): number {
  const singles = questions.filter((q) => q.type === 'single');
  const longest = singles.filter((q) => {
    const key = q.options.find((o) => o.correct);
    return key && q.options.every((o) => o === key || o.text.length < key.text.length);
  });
  return singles.length ? longest.length / singles.length : 0;
}

/** Checks across questions: uniqueness and balance. */
export function checkBank(questions: Question[], fileOf: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, Question>();
  const byStem = new Map<string, Question>();
  for (const q of questions) {
    const file = fileOf.get(q.id) ?? 'bank';
    if (byId.has(q.id)) problems.push({ file, at: q.id, message: 'duplicate id' });
    byId.set(q.id, q);
    const stem = normalize(q.stem);
    const twin = byStem.get(stem);
    if (twin) problems.push({ file, at: q.id, message: `same stem as ${twin.id}` });
    byStem.set(stem, q);
  }
  const shares = keyPositionShares(questions);
  shares.forEach((share, i) => {
    if (share > TARGETS.maxKeyPositionShare) {
      problems.push({
        file: 'bank',
        message: `${(share * 100).toFixed(1)}% of single-answer keys are option ${'abcd'[i]}`,
      });
    }
  });
  const longest = longestKeyShare(questions);
  if (longest > TARGETS.maxLongestKeyShare) {
    problems.push({
      file: 'bank',
      message: `the key is the longest option in ${(longest * 100).toFixed(1)}% of single-answer questions`,
    });
  }
  return problems;
}

/** Shortfalls against the size and coverage targets; empty when the bank meets them all. */
export function coverageGaps(questions: Question[]): string[] {
  const gaps: string[] = [];
  if (questions.length < TARGETS.total) gaps.push(`${questions.length} questions, need ${TARGETS.total}`);
  const authored = questions.filter((q) => q.origin === 'authored').length;
  if (authored < TARGETS.authored) gaps.push(`${authored} authored questions, need ${TARGETS.authored}`);
  const multiple = questions.filter((q) => q.type === 'multiple').length;
  if (multiple < questions.length * TARGETS.multipleShare) {
    gaps.push(`${multiple} multiple-response questions, need ${Math.ceil(questions.length * TARGETS.multipleShare)}`);
  }
  for (const s of SECTIONS) {
    const n = questions.filter((q) => q.section === s.id).length;
    if (n < TARGETS.perSection) gaps.push(`section ${s.id} has ${n} questions, needs ${TARGETS.perSection}`);
  }
  for (const [domain, needed] of Object.entries(domainCapacityNeeded())) {
    const n = questions.filter((q) => q.domain === domain).length;
    if (n < needed)
      gaps.push(`domain ${domain} has ${n} questions, needs ${needed} for ${TARGETS.disjointMocks} disjoint mocks`);
  }
  return gaps;
}
