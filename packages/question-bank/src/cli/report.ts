import { DOMAINS } from '@saa/contract/domains';
import { buildBank } from '../bank.ts';
import {
  coverageGaps,
  cueReports,
  domainCapacityNeeded,
  keyPositionShares,
  longestKeyShare,
  longestKeysMultipleShare,
  nearDuplicateStems,
  reusedOptions,
  TARGETS,
} from '../quality.ts';
import { SECTIONS } from '../sections.ts';

// Prints the bank's size per style, domain and section, and every quality measure; fails when a
// target is missed or a source has a problem.
const { questions, problems } = buildBank();
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const scenario = questions.filter((q) => q.style === 'scenario');
const recall = questions.filter((q) => q.style === 'recall');
const count = (items: typeof questions, test: (q: (typeof questions)[number]) => boolean) => items.filter(test).length;

console.log(`Question bank: ${questions.length} items (${scenario.length} scenario, ${recall.length} recall)\n`);

const needed = domainCapacityNeeded();
console.log(
  `By domain (scenario items needed for ${TARGETS.disjointMocks} disjoint ${TARGETS.mockSize}-question mocks)`,
);
console.log(`  ${pad('domain', 18)}${pad('scenario', 10)}${pad('needed', 8)}${pad('recall', 8)}`);
for (const d of DOMAINS) {
  const s = count(scenario, (q) => q.domain === d.id);
  const r = count(recall, (q) => q.domain === d.id);
  console.log(
    `  ${pad(d.id, 18)}${pad(s, 10)}${pad(needed[d.id] ?? 0, 8)}${pad(r, 8)}${s < (needed[d.id] ?? 0) ? '<- short' : ''}`,
  );
}

console.log('\nBy type');
for (const [name, items] of [
  ['scenario', scenario],
  ['recall', recall],
] as const) {
  const multiple = count(items, (q) => q.type === 'multiple');
  console.log(
    `  ${pad(name, 18)}${pad(`${multiple} multiple response`, 26)}${percent(multiple / (items.length || 1))}`,
  );
}

console.log('\nBalance and cues');
for (const [name, items] of [
  ['scenario', scenario],
  ['recall', recall],
] as const) {
  console.log(
    `  ${pad(name, 10)} single-answer key positions a/b/c/d ${keyPositionShares(items).map(percent).join(' / ')} (at most ${percent(TARGETS.maxKeyPositionShare)} each)`,
  );
  console.log(
    `  ${pad('', 10)} key strictly the longest option: ${percent(longestKeyShare(items))} (at most ${percent(TARGETS.maxLongestKeyShare[name])})`,
  );
}
console.log(
  `  multiple-response items whose keys are the longest options: ${percent(longestKeysMultipleShare(questions))} (at most ${percent(TARGETS.maxLongestKeysMultipleShare)})`,
);
for (const r of cueReports(questions)) {
  console.log(
    `  "${r.strategy}" on ${r.style} ${r.type} (${r.questions}): ${percent(r.score)} against chance ${percent(r.chance)}`,
  );
}
console.log(
  `  near-duplicate stem pairs (3-gram overlap above ${TARGETS.maxStemSimilarity}): ${nearDuplicateStems(questions).length}`,
);
console.log(`  option texts in more than ${TARGETS.maxOptionReuse} items: ${reusedOptions(questions).length}`);
const referenced = count(questions, (q) => q.references.length > 0);
console.log(`  items with references: ${referenced} of ${questions.length}`);

console.log(`\nBy section (scenario + recall; each section needs ${TARGETS.scenarioPerSection} scenario items)`);
for (const s of SECTIONS) {
  const sc = count(scenario, (q) => q.section === s.id);
  const rc = count(recall, (q) => q.section === s.id);
  console.log(`  ${pad(s.id, 28)}${pad(sc, 5)}+ ${pad(rc, 5)}${sc < TARGETS.scenarioPerSection ? '<- short' : ''}`);
}

const gaps = coverageGaps(questions);
if (problems.length) console.log(`\n${problems.length} quality problems: run pnpm bank:check`);
if (gaps.length) {
  console.log('\nTargets missed:');
  for (const gap of gaps) console.log(`  - ${gap}`);
}
if (!gaps.length && !problems.length) console.log('\nEvery target met.');
process.exitCode = gaps.length || problems.length ? 1 : 0;
