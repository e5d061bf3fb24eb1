import { Question } from '@saa/contract/question';
import { DATA_DIR, loadSources } from './load-sources.ts';
import type { Problem } from './problems.ts';
import { checkBank, checkQuestion } from './quality.ts';
import type { SourceQuestion } from './source-schema.ts';

export interface Bank {
  questions: Question[];
  problems: Problem[];
  /** The data file each question came from, for error messages and `--only`. */
  fileOf: Map<string, string>;
}

function fromSource(section: string, q: SourceQuestion): Question {
  const correct = q.options.filter((o) => o.correct).length;
  return {
    id: q.id,
    section,
    domain: q.domain,
    style: q.style,
    type: correct > 1 ? 'multiple' : 'single',
    stem: q.stem,
    options: q.options.map((o, i) => ({
      id: 'abcdef'[i] as string,
      text: o.text,
      correct: o.correct,
      rationale: o.rationale,
    })),
    explanation: q.explanation,
    references: q.references,
    difficulty: q.difficulty,
    ...(q.correction ? { correction: q.correction } : {}),
  };
}

/** Loads the YAML sources and runs every quality gate. */
export function buildBank(dataDir: string = DATA_DIR): Bank {
  const sources = loadSources(dataDir);
  const problems = [...sources.problems];
  const fileOf = new Map<string, string>();
  const questions: Question[] = [];

  for (const { file, data } of sources.files) {
    for (const source of data.questions) {
      fileOf.set(source.id, file);
      const parsed = Question.safeParse(fromSource(data.section, source));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          problems.push({ file, at: `${source.id} ${issue.path.join('.')}`.trim(), message: issue.message });
        }
        continue;
      }
      problems.push(...checkQuestion(parsed.data).map((message) => ({ file, at: source.id, message })));
      questions.push(parsed.data);
    }
  }
  problems.push(...checkBank(questions, fileOf));
  return { questions, problems, fileOf };
}
