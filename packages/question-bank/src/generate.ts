import type { Question, QuestionOption } from '@saa/contract/question';
import type { Problem } from './problems.ts';
import { contentHash, seededRandom, shuffled } from './seeded-random.ts';
import type { CategoryMember, ChoiceFact, ClaimsFact, Fact, FactsFile, LimitFact } from './source-schema.ts';

/**
 * Turns the facts files into questions. Deterministic: the options of each question are shuffled
 * by a seed taken from its fact, and its id is a hash of the fact, so editing one fact never
 * renumbers or reorders another.
 */

interface Draft {
  text: string;
  correct: boolean;
  rationale: string;
}

interface Context {
  file: FactsFile;
  fact: Fact;
  categories: Map<string, CategoryMember[]>;
  problems: Problem[];
  fileName: string;
}

const LETTERS = 'abcdef';

function toQuestion(
  ctx: Context,
  key: string,
  stem: string,
  drafts: Draft[],
  explanation: string,
  difficulty: number,
): Question {
  const options: QuestionOption[] = shuffled(drafts, seededRandom(key)).map((d, i) => ({
    id: LETTERS[i] as string,
    text: d.text,
    correct: d.correct,
    rationale: d.rationale,
  }));
  const correct = drafts.filter((d) => d.correct).length;
  // A fact's correction applies to every question made from it; say so in each explanation.
  const { correction } = ctx.fact;
  const taught = correction && !/older material/i.test(explanation) ? `${explanation} ${correction}` : explanation;
  return {
    id: `g-${ctx.file.section}-${contentHash(key)}`,
    section: ctx.file.section,
    domain: ctx.fact.domain ?? ctx.file.domain,
    type: correct > 1 ? 'multiple' : 'single',
    stem,
    options,
    explanation: taught,
    difficulty: ctx.fact.difficulty ?? difficulty,
    origin: 'generated',
    ...(ctx.fact.correction ? { correction: ctx.fact.correction } : {}),
  };
}

function formatNumber(n: number, unit?: string): string {
  const text = Math.abs(n) >= 10000 ? n.toLocaleString('en-US') : String(n);
  return unit ? `${text} ${unit}` : text;
}

function fromLimit(ctx: Context, fact: LimitFact): Question[] {
  const right = formatNumber(fact.value, fact.unit);
  if (fact.near.includes(fact.value) || new Set(fact.near).size !== 3) {
    ctx.problems.push({
      file: ctx.fileName,
      at: fact.question,
      message: '`near` needs 3 distinct numbers other than `value`',
    });
    return [];
  }
  const drafts: Draft[] = [
    { text: right, correct: true, rationale: fact.why },
    ...fact.near.map((n) => ({
      text: formatNumber(n, fact.unit),
      correct: false,
      rationale: `${formatNumber(n, fact.unit)} is not the figure; the correct value is ${right}.`,
    })),
  ];
  const key = `${ctx.file.section}|limit|${fact.question}`;
  return [toQuestion(ctx, key, fact.question, drafts, fact.why, 2)];
}

function fromChoice(ctx: Context, fact: ChoiceFact): Question[] {
  const key = `${ctx.file.section}|choice|${fact.question}`;
  const random = seededRandom(`${key}|distractors`);
  let wrong: Draft[];
  if (fact.distractors) {
    wrong = fact.distractors.map((d) =>
      typeof d === 'string'
        ? { text: d, correct: false, rationale: `${d} does not meet this need; ${fact.answer} does.` }
        : { text: d.text, correct: false, rationale: d.why },
    );
  } else {
    const members = fact.category ? ctx.categories.get(fact.category) : undefined;
    if (!members) {
      ctx.problems.push({
        file: ctx.fileName,
        at: fact.question,
        message: `unknown category "${fact.category ?? ''}" (give a category or distractors)`,
      });
      return [];
    }
    const excluded = new Set([fact.answer, ...(fact.exclude ?? [])]);
    wrong = members
      .filter((m) => !excluded.has(m.name))
      .map((m) => ({
        text: m.name,
        correct: false,
        rationale: `${m.name} is ${m.summary}, which does not meet this need.`,
      }));
  }
  if (wrong.length < 3) {
    ctx.problems.push({ file: ctx.fileName, at: fact.question, message: 'needs at least 3 distractors' });
    return [];
  }
  const drafts = [{ text: fact.answer, correct: true, rationale: fact.why }, ...shuffled(wrong, random).slice(0, 3)];
  return [toQuestion(ctx, key, fact.question, drafts, fact.why, 1)];
}

// One stem per true claim, so that the questions of one claims fact never share a stem.
const SINGLE_STEMS = [
  (topic: string) => `Which statement about ${topic} is correct?`,
  (topic: string) => `Which of the following is true of ${topic}?`,
  (topic: string) => `A solutions architect is checking what they know about ${topic}. Which statement is accurate?`,
  (topic: string) => `Which description of ${topic} is right?`,
];

function fromClaims(ctx: Context, fact: ClaimsFact): Question[] {
  const questions: Question[] = [];
  const falseDrafts = fact.false.map((c) => ({ text: c.text, correct: false, rationale: c.why }));
  fact.true.forEach((claim, index) => {
    const key = `${ctx.file.section}|claim|${claim.text}`;
    const wrong = shuffled(falseDrafts, seededRandom(`${key}|distractors`)).slice(0, 3);
    const stem = (SINGLE_STEMS[index] as (t: string) => string)(fact.topic);
    questions.push(
      toQuestion(ctx, key, stem, [{ text: claim.text, correct: true, rationale: claim.why }, ...wrong], claim.why, 2),
    );
  });
  if (fact.true.length >= 2 && fact.false.length >= 3) {
    const key = `${ctx.file.section}|claims-pair|${fact.topic}`;
    const random = seededRandom(`${key}|pick`);
    const rights = shuffled(fact.true, random).slice(0, 2);
    const wrong = shuffled(falseDrafts, random).slice(0, 3);
    const stem = `Which statements about ${fact.topic} are correct? (Choose TWO.)`;
    const explanation = rights.map((c) => c.why).join(' ');
    const drafts = [...rights.map((c) => ({ text: c.text, correct: true, rationale: c.why })), ...wrong];
    questions.push(toQuestion(ctx, key, stem, drafts, explanation, 3));
  }
  return questions;
}

export function generateQuestions(
  facts: { file: string; data: FactsFile }[],
  categories: Map<string, CategoryMember[]>,
  problems: Problem[],
): Question[] {
  const out: Question[] = [];
  for (const { file, data } of facts) {
    for (const fact of data.facts) {
      const ctx: Context = { file: data, fact, categories, problems, fileName: file };
      if (fact.kind === 'limit') out.push(...fromLimit(ctx, fact));
      else if (fact.kind === 'choice') out.push(...fromChoice(ctx, fact));
      else out.push(...fromClaims(ctx, fact));
    }
  }
  return out;
}
