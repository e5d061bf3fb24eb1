import { parseArgs } from 'node:util';
import { buildBank } from '../bank.ts';
import { formatProblem } from '../problems.ts';
import { keyPositionShares, longestKeyShare } from '../quality.ts';

// Validates the bank's YAML sources. `--only <group>` limits the findings to one group's files:
// authored/<group>.yaml, categories/<group>.yaml and the facts files of the sections it covers.
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const bank = buildBank();

let problems = bank.problems;
let questions = bank.questions;
if (values.only) {
  const group = values.only;
  const sections = new Set(
    bank.questions.filter((q) => bank.fileOf.get(q.id) === `authored/${group}.yaml`).map((q) => q.section),
  );
  const mine = (file: string) =>
    file === `authored/${group}.yaml` ||
    file === `categories/${group}.yaml` ||
    [...sections].some((s) => file === `facts/${s}.yaml`);
  problems = problems.filter((p) => mine(p.file));
  questions = questions.filter((q) => mine(bank.fileOf.get(q.id) ?? ''));
}

const percent = (x: number) => `${(x * 100).toFixed(0)}%`;
console.log(`${questions.length} questions checked`);
console.log(`single-answer key positions a/b/c/d: ${keyPositionShares(questions).map(percent).join(' / ')}`);
console.log(`single-answer keys that are the longest option: ${percent(longestKeyShare(questions))}`);
for (const p of problems) console.log(formatProblem(p));
console.log(problems.length ? `${problems.length} problems` : 'no problems');
process.exitCode = problems.length ? 1 : 0;
