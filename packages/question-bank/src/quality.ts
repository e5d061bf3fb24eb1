import { DOMAINS } from '@saa/contract/domains';
import type { Question, QuestionStyle } from '@saa/contract/question';
import { avoidAbsolutes, evaluate, neverKeyedWrong, type Preference } from './cue-strategies.ts';
import type { Problem } from './problems.ts';
import { SECTION_IDS, SECTIONS } from './sections.ts';
import { jaccard, normalize, trigrams, wordCount, words } from './text-metrics.ts';

/** The bank's targets (see the package README). */
export const TARGETS = {
  /** Mocks draw scenario items only: ten disjoint 65-question mocks at the exam's domain weights. */
  disjointMocks: 10,
  mockSize: 65,
  scenarioPerSection: 3,
  scenarioMultipleShare: 0.2,
  minScenarioStemWords: 30,
  /** No answer position may hold the key of more than this share of single-answer items. */
  maxKeyPositionShare: 0.35,
  /** Share of single-answer items whose key is strictly the longest option, per style. */
  maxLongestKeyShare: { scenario: 0.25, recall: 0.35 } satisfies Record<QuestionStyle, number>,
  /** Share of multiple-response items whose keys are exactly the longest options. */
  maxLongestKeysMultipleShare: 0.12,
  /** A test-wise strategy may beat chance by at most this much, on every style and type. */
  maxCueAdvantage: 0.1,
  /** Stems whose word 3-grams overlap more than this are near-duplicates. */
  maxStemSimilarity: 0.6,
  /** An explanation that overlaps a rationale this much repeats it instead of teaching. */
  maxExplanationRationaleSimilarity: 0.5,
  /** An option text may appear in at most this many items. */
  maxOptionReuse: 2,
  references: { min: 1, max: 3 },
} as const;

const BANNED_OPTION = /\b(all|none|both|neither) of the (above|following)\b/i;
const REFERENCE = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\/[^\s]*$/;
/** Localised copies of AWS pages (/fr_fr/, /ja_jp/ …) and raw Markdown sources are not the page to cite. */
const NOT_A_PAGE = /^https:\/\/[^/]+\/[a-z]{2}_[a-z]{2}\/|\.md$/i;
/** Candidates never see the study notes the bank was written from, so explanations never cite them. */
const SPEAKS_OF_NOTES = /\b(study )?notes\b|\bsection [a-z]+-[a-z-]+\b|\bnotes section\b/i;
/** Recall items must not quiz retired features or price trivia. */
const TRIVIA =
  /spot blocks?|defined[- ]duration spot|scheduled (reserved )?instances|how much (less|cheaper|more)|percent(age)? (less|cheaper|lower|more)|% (less|cheaper|lower)/i;
const NEGATION = new Set([
  'not',
  'no',
  'never',
  'cannot',
  'can',
  "can't",
  'cant',
  'does',
  "doesn't",
  'doesnt',
  'do',
  "don't",
  'dont',
  'is',
  "isn't",
  'isnt',
  'are',
  "aren't",
  'arent',
  'will',
  "won't",
  'wont',
  'must',
  'need',
  'needs',
  'only',
]);

/** The words of a text without negations and auxiliaries, crudely singular ("keeps" → "keep"). */
const stripNegation = (text: string) =>
  words(text.replace(/n't\b/g, ' not'))
    .filter((w) => !NEGATION.has(w))
    .map((w) => (w.length > 3 ? w.replace(/s$/, '') : w))
    .join(' ');

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
  if (q.style === 'scenario' && wordCount(q.stem) < TARGETS.minScenarioStemWords) {
    messages.push(`a scenario stem needs at least ${TARGETS.minScenarioStemWords} words (has ${wordCount(q.stem)})`);
  }
  if (q.style === 'recall' && TRIVIA.test(q.stem))
    messages.push('recall items do not quiz retired features or price trivia');

  const { min, max } = TARGETS.references;
  if (q.references.length < min || q.references.length > max) {
    messages.push(`needs ${min}-${max} references to AWS documentation (has ${q.references.length})`);
  }
  for (const url of q.references) {
    if (!REFERENCE.test(url) || NOT_A_PAGE.test(url))
      messages.push(`reference is not an English AWS documentation page: ${url}`);
  }
  if (new Set(q.references).size !== q.references.length) messages.push('the same reference twice');

  if (SPEAKS_OF_NOTES.test(q.explanation))
    messages.push('the explanation speaks of notes or sections, which candidates never see');
  const explanation = trigrams(q.explanation);
  for (const o of q.options) {
    const copied =
      normalize(q.explanation).includes(normalize(o.rationale)) ||
      jaccard(explanation, trigrams(o.rationale)) > TARGETS.maxExplanationRationaleSimilarity;
    if (copied) messages.push(`the explanation repeats the rationale of option ${o.id} instead of teaching`);
  }

  for (let i = 0; i < q.options.length; i++) {
    for (let j = i + 1; j < q.options.length; j++) {
      const a = q.options[i];
      const b = q.options[j];
      if (a && b && normalize(a.text) !== normalize(b.text) && stripNegation(a.text) === stripNegation(b.text)) {
        messages.push(`options ${a.id} and ${b.id} differ only by a negation`);
      }
    }
  }
  return messages;
}

/** How many scenario items each domain needs for `disjointMocks` mocks at the exam weights. */
export function domainCapacityNeeded(): Record<string, number> {
  return Object.fromEntries(
    DOMAINS.map((d) => [d.id, Math.round((TARGETS.mockSize * d.weight * TARGETS.disjointMocks) / 100)]),
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

const length = (text: string) => text.trim().length;

export function longestKeyShare(questions: Question[]): number {
  const singles = questions.filter((q) => q.type === 'single');
  const longest = singles.filter((q) => {
    const key = q.options.find((o) => o.correct);
    return key && q.options.every((o) => o === key || length(o.text) < length(key.text));
  });
  return singles.length ? longest.length / singles.length : 0;
}

/** Share of multiple-response items whose keys are the k longest options (each longer than every distractor). */
export function longestKeysMultipleShare(questions: Question[]): number {
  const multiple = questions.filter((q) => q.type === 'multiple');
  const longest = multiple.filter((q) => {
    const shortestKey = Math.min(...q.options.filter((o) => o.correct).map((o) => length(o.text)));
    return q.options.every((o) => o.correct || length(o.text) < shortestKey);
  });
  return multiple.length ? longest.length / multiple.length : 0;
}

export interface CueReport {
  strategy: string;
  style: QuestionStyle;
  type: Question['type'];
  questions: number;
  score: number;
  chance: number;
}

/** Each test-wise strategy on each style × type of `questions`, against chance; `bank` is what a candidate has seen. */
export function cueReports(questions: Question[], bank: Question[] = questions): CueReport[] {
  const strategies: [string, Preference][] = [
    ['pick options never keyed wrong elsewhere', neverKeyedWrong(bank)],
    ['avoid options with absolute words', avoidAbsolutes],
  ];
  const reports: CueReport[] = [];
  for (const [strategy, preference] of strategies) {
    for (const style of ['scenario', 'recall'] as const) {
      for (const type of ['single', 'multiple'] as const) {
        const group = questions.filter((q) => q.style === style && q.type === type);
        if (group.length) reports.push({ strategy, style, type, ...evaluate(group, preference) });
      }
    }
  }
  return reports;
}

/** Pairs of near-duplicate stems (word 3-gram Jaccard above the limit). */
export function nearDuplicateStems(questions: Question[]): [Question, Question, number][] {
  const grams = questions.map((q) => trigrams(q.stem));
  const pairs: [Question, Question, number][] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const a = grams[i] as Set<string>;
      const b = grams[j] as Set<string>;
      // Jaccard can exceed the limit only when the sizes are close enough.
      if (Math.min(a.size, b.size) < TARGETS.maxStemSimilarity * Math.max(a.size, b.size)) continue;
      const similarity = jaccard(a, b);
      if (similarity > TARGETS.maxStemSimilarity)
        pairs.push([questions[i] as Question, questions[j] as Question, similarity]);
    }
  }
  return pairs;
}

/** Option texts that appear in more items than allowed, with those items. */
export function reusedOptions(questions: Question[]): [string, Question[]][] {
  const itemsOf = new Map<string, Question[]>();
  for (const q of questions) {
    for (const text of new Set(q.options.map((o) => normalize(o.text)))) {
      itemsOf.set(text, [...(itemsOf.get(text) ?? []), q]);
    }
  }
  return [...itemsOf].filter(([, items]) => items.length > TARGETS.maxOptionReuse);
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Checks across questions: uniqueness, balance and cues. */
export function checkBank(questions: Question[], fileOf: Map<string, string>): Problem[] {
  const problems: Problem[] = [];
  const file = (q: Question) => fileOf.get(q.id) ?? 'bank';
  const byId = new Map<string, Question>();
  const byStem = new Map<string, Question>();
  for (const q of questions) {
    if (byId.has(q.id)) problems.push({ file: file(q), at: q.id, message: 'duplicate id' });
    byId.set(q.id, q);
    const twin = byStem.get(normalize(q.stem));
    if (twin) problems.push({ file: file(q), at: q.id, message: `same stem as ${twin.id}` });
    byStem.set(normalize(q.stem), q);
  }
  for (const [a, b, similarity] of nearDuplicateStems(questions)) {
    if (normalize(a.stem) === normalize(b.stem)) continue;
    const message = `stem nearly duplicates ${b.id} (3-gram overlap ${similarity.toFixed(2)})`;
    problems.push({ file: file(a), at: a.id, message });
  }
  for (const [text, items] of reusedOptions(questions)) {
    const message = `option "${text}" appears in ${items.length} items (${items.map((q) => q.id).join(', ')}); at most ${TARGETS.maxOptionReuse}`;
    problems.push({ file: file(items[0] as Question), at: items[0]?.id, message });
  }

  for (const style of ['scenario', 'recall'] as const) {
    const ofStyle = questions.filter((q) => q.style === style);
    keyPositionShares(ofStyle).forEach((share, i) => {
      if (share > TARGETS.maxKeyPositionShare) {
        problems.push({
          file: 'bank',
          message: `${percent(share)} of single-answer ${style} keys are option ${'abcd'[i]}`,
        });
      }
    });
    const longest = longestKeyShare(ofStyle);
    if (longest > TARGETS.maxLongestKeyShare[style]) {
      problems.push({
        file: 'bank',
        message: `the key is strictly the longest option in ${percent(longest)} of single-answer ${style} items (at most ${percent(TARGETS.maxLongestKeyShare[style])})`,
      });
    }
  }
  const longestKeys = longestKeysMultipleShare(questions);
  if (longestKeys > TARGETS.maxLongestKeysMultipleShare) {
    problems.push({
      file: 'bank',
      message: `the keys are the longest options in ${percent(longestKeys)} of multiple-response items (at most ${percent(TARGETS.maxLongestKeysMultipleShare)})`,
    });
  }
  for (const r of cueReports(questions)) {
    if (r.score - r.chance > TARGETS.maxCueAdvantage) {
      problems.push({
        file: 'bank',
        message: `"${r.strategy}" scores ${percent(r.score)} on ${r.style} ${r.type} items against ${percent(r.chance)} by chance`,
      });
    }
  }
  return problems;
}

/** Shortfalls against the size and coverage targets; empty when the bank meets them all. */
export function coverageGaps(questions: Question[]): string[] {
  const gaps: string[] = [];
  const scenario = questions.filter((q) => q.style === 'scenario');
  for (const [domain, needed] of Object.entries(domainCapacityNeeded())) {
    const n = scenario.filter((q) => q.domain === domain).length;
    if (n < needed) {
      gaps.push(
        `domain ${domain} has ${n} scenario items, needs ${needed} for ${TARGETS.disjointMocks} disjoint mocks`,
      );
    }
  }
  for (const s of SECTIONS) {
    const n = scenario.filter((q) => q.section === s.id).length;
    if (n < TARGETS.scenarioPerSection)
      gaps.push(`section ${s.id} has ${n} scenario items, needs ${TARGETS.scenarioPerSection}`);
  }
  const multiple = scenario.filter((q) => q.type === 'multiple').length;
  if (multiple < scenario.length * TARGETS.scenarioMultipleShare) {
    gaps.push(
      `${multiple} multiple-response scenario items, need ${Math.ceil(scenario.length * TARGETS.scenarioMultipleShare)}`,
    );
  }
  return gaps;
}
