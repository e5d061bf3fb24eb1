import { Question } from '@saa/contract/question';
import { generateQuestions } from './generate.ts';
import { DATA_DIR, loadSources } from './load-sources.ts';
import type { Problem } from './problems.ts';
import { checkBank, checkQuestion } from './quality.ts';
import type { AuthoredQuestion } from './source-schema.ts';

export interface Bank {
  questions: Question[];
  problems: Problem[];
  /** The data file each question came from, for error messages and `--only`. */
  fileOf: Map<string, string>;
}

function fromAuthored(q: AuthoredQuestion): Question {
  const correct = q.options.filter((o) => o.correct).length;
  return {
    id: q.id,
    section: q.section,
    domain: q.domain,
    type: correct > 1 ? 'multiple' : 'single',
    stem: q.stem,
    options: q.options.map((o, i) => ({
      id: 'abcdef'[i] as string,
      text: o.text,
      correct: o.correct,
      rationale: o.rationale,
    })),
    explanation: q.explanation,
    difficulty: q.difficulty,
    origin: 'authored',
    ...(q.correction ? { correction: q.correction } : {}),
  };
}

/** Loads the YAML sources, generates the fact questions and runs every quality gate. */
export function buildBank(dataDir: string = DATA_DIR): Bank {
  const sources = loadSources(dataDir);
  const problems = [...sources.problems];
  const fileOf = new Map<string, string>();
  const candidates: Question[] = [];

  for (const { file, questions } of sources.authored) {
    for (const q of questions) {
      fileOf.set(q.id, file);
      candidates.push(fromAuthored(q));
    }
  }
  const generated = generateQuestions(sources.facts, sources.categories, problems);
  for (const q of generated) fileOf.set(q.id, `facts/${q.section}.yaml`);
  candidates.push(...generated);

  const questions: Question[] = [];
  for (const candidate of candidates) {
    const file = fileOf.get(candidate.id) ?? 'bank';
    const parsed = Question.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, at: `${candidate.id} ${issue.path.join('.')}`.trim(), message: issue.message });
      }
      continue;
    }
    problems.push(...checkQuestion(parsed.data).map((message) => ({ file, at: candidate.id, message })));
    questions.push(parsed.data);
  }
  problems.push(...checkBank(questions, fileOf));
  return { questions, problems, fileOf };
}
