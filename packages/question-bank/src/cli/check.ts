import { parseArgs } from 'node:util';
import { buildBank } from '../bank.ts';
import { formatProblem } from '../problems.ts';
import { cueReports, keyPositionShares, longestKeyShare, longestKeysMultipleShare } from '../quality.ts';

// Validates the bank's YAML sources. `--only s1,s2` limits the findings to those sections' files
// (whole-bank balance findings are still printed, as they concern every file).
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const bank = buildBank();

let problems = bank.problems;
let questions = bank.questions;
if (values.only) {
  const files = new Set(values.only.split(',').map((s) => `questions/${s.trim()}.yaml`));
  problems = problems.filter((p) => p.file === 'bank' || files.has(p.file));
  questions = questions.filter((q) => files.has(bank.fileOf.get(q.id) ?? ''));
}

const percent = (x: number) => `${(x * 100).toFixed(0)}%`;
console.log(`${questions.length} questions checked`);
for (const style of ['scenario', 'recall'] as const) {
  const ofStyle = questions.filter((q) => q.style === style);
  console.log(
    `${style}: ${ofStyle.length} items; single-answer key positions a/b/c/d ${keyPositionShares(ofStyle).map(percent).join(' / ')}; ` +
      `key strictly longest ${percent(longestKeyShare(ofStyle))}; multiple-response keys longest ${percent(longestKeysMultipleShare(ofStyle))}`,
  );
}
for (const r of cueReports(questions, bank.questions)) {
  console.log(
    `"${r.strategy}" on ${r.style} ${r.type} (${r.questions}): ${percent(r.score)} against chance ${percent(r.chance)}`,
  );
}
for (const p of problems) console.log(formatProblem(p));
console.log(problems.length ? `${problems.length} problems` : 'no problems');
process.exitCode = problems.length ? 1 : 0;
