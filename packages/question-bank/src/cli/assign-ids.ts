import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { contentHash } from '../content-hash.ts';
import { DATA_DIR } from '../load-sources.ts';

// Gives every new item (one without an `id`) a neutral id: `q-` and a hash of its section and stem
// at the time it is assigned. The id is written into the file, so later edits never change it, and
// it says nothing about the answer.
const dir = path.join(DATA_DIR, 'questions');
let assigned = 0;
for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
  const file = path.join(dir, name);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const section = String(doc.get('section'));
  const questions = doc.get('questions');
  if (!isSeq(questions)) continue;
  let changed = false;
  for (const item of questions.items) {
    if (!isMap(item) || item.has('id')) continue;
    const id = `q-${contentHash(section, String(item.get('stem') ?? '')).slice(0, 10)}`;
    item.items.unshift(doc.createPair('id', id));
    changed = true;
    assigned++;
  }
  if (changed) writeFileSync(file, doc.toString({ lineWidth: 100, minContentWidth: 40 }));
}
console.log(`${assigned} ids assigned`);
