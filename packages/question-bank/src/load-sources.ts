import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Problem } from './problems.ts';
import { QuestionFile } from './source-schema.ts';

export const DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

export interface Sources {
  files: { file: string; data: QuestionFile }[];
  problems: Problem[];
}

/** Reads every data/questions/<section>.yaml, validated against the source schema. */
export function loadSources(dataDir: string = DATA_DIR): Sources {
  const problems: Problem[] = [];
  const files: Sources['files'] = [];
  const dir = path.join(dataDir, 'questions');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  for (const name of names) {
    const file = `questions/${name}`;
    let raw: unknown;
    try {
      raw = parse(readFileSync(path.join(dir, name), 'utf8'), { prettyErrors: true });
    } catch (error) {
      problems.push({ file, message: `YAML does not parse: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const result = QuestionFile.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push({ file, at: issue.path.join('.'), message: issue.message });
      continue;
    }
    if (`${result.data.section}.yaml` !== name) {
      problems.push({ file, message: `a questions file is named after its section (${result.data.section}.yaml)` });
    }
    files.push({ file, data: result.data });
  }
  return { files, problems };
}
