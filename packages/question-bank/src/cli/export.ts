import { parseArgs } from 'node:util';
import { buildBank } from '../bank.ts';
import { toCsv } from '../export-csv.ts';

// Writes the whole bank, answers included, to stdout for reviewers and other tools.
const { values } = parseArgs({ options: { format: { type: 'string', default: 'json' } } });
const { questions, problems } = buildBank();
if (problems.length) {
  console.error(`the bank has ${problems.length} problems; run pnpm bank:check`);
  process.exit(1);
}
if (values.format === 'json') process.stdout.write(`${JSON.stringify(questions, null, 2)}\n`);
else if (values.format === 'csv') process.stdout.write(toCsv(questions));
else {
  console.error(`unknown --format "${values.format}": use json or csv`);
  process.exit(2);
}
