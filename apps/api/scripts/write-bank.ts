// Part of the API build: writes dist/bank.json from the YAML sources after every quality gate passed.
import { writeFileSync } from 'node:fs';
import { buildBank } from '@saa/question-bank/bank';
import { formatProblem } from '@saa/question-bank/problems';
import { sourcesDigest } from '@saa/question-bank/sources-digest';
import { BANK_DATA_DIR, BUILT_BANK_PATH } from '../src/lib/project-paths.ts';

const { questions, problems } = buildBank(BANK_DATA_DIR);
if (problems.length) {
  for (const problem of problems.slice(0, 20)) console.error(formatProblem(problem));
  console.error(`the question bank has ${problems.length} problems: run pnpm bank:check`);
  process.exit(1);
}
writeFileSync(BUILT_BANK_PATH, JSON.stringify({ sources: sourcesDigest(BANK_DATA_DIR), questions }));
console.log(`wrote apps/api/dist/bank.json (${questions.length} questions)`);
