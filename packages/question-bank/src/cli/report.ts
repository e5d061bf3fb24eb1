import { DOMAINS } from '@saa/contract/domains';
import { buildBank } from '../bank.ts';
import { coverageGaps, domainCapacityNeeded, TARGETS } from '../quality.ts';
import { SECTIONS } from '../sections.ts';

// Prints the bank's size per section, domain, type and origin; fails when a target is missed.
const { questions, problems } = buildBank();

const countBy = (key: (q: (typeof questions)[number]) => string) => {
  const counts = new Map<string, number>();
  for (const q of questions) counts.set(key(q), (counts.get(key(q)) ?? 0) + 1);
  return counts;
};
const pad = (s: string | number, n: number) => String(s).padEnd(n);

console.log(`Question bank: ${questions.length} questions (target ${TARGETS.total})\n`);

console.log('By origin');
for (const [origin, n] of countBy((q) => q.origin)) console.log(`  ${pad(origin, 28)}${n}`);
console.log('\nBy type');
for (const [type, n] of countBy((q) => q.type)) {
  console.log(`  ${pad(type, 28)}${pad(n, 6)}${((n / questions.length) * 100).toFixed(1)}%`);
}

console.log('\nBy domain (needed for six disjoint 65-question mocks)');
const byDomain = countBy((q) => q.domain);
const needed = domainCapacityNeeded();
for (const d of DOMAINS) console.log(`  ${pad(d.id, 28)}${pad(byDomain.get(d.id) ?? 0, 6)}(needs ${needed[d.id]})`);

console.log('\nBy section (authored + generated)');
const bySection = countBy((q) => q.section);
const authoredBySection = countBy((q) => (q.origin === 'authored' ? q.section : ''));
for (const s of SECTIONS) {
  const n = bySection.get(s.id) ?? 0;
  const flag = n < TARGETS.perSection ? '  <- below 3' : '';
  console.log(`  ${pad(s.id, 28)}${pad(n, 6)}(${authoredBySection.get(s.id) ?? 0} authored)${flag}`);
}

const gaps = coverageGaps(questions);
if (problems.length) console.log(`\n${problems.length} quality problems: run pnpm bank:check`);
if (gaps.length) {
  console.log('\nTargets missed:');
  for (const gap of gaps) console.log(`  - ${gap}`);
}
process.exitCode = gaps.length || problems.length ? 1 : 0;
