import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problems.ts';
import {
  AuthoredFile,
  type AuthoredQuestion,
  CategoriesFile,
  type CategoryMember,
  FactsFile,
} from './source-schema.ts';

export const DATA_DIR = fileURLToPath(new URL('../data', import.meta.url));

export interface Sources {
  authored: { file: string; questions: AuthoredQuestion[] }[];
  facts: { file: string; data: FactsFile }[];
  categories: Map<string, CategoryMember[]>;
  problems: Problem[];
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch {
    return [];
  }
}

function readValidated<S extends z.ZodType>(
  dataDir: string,
  file: string,
  schema: S,
  problems: Problem[],
): z.infer<S> | undefined {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path.join(dataDir, file), 'utf8'), { prettyErrors: true });
  } catch (error) {
    problems.push({ file, message: `YAML does not parse: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, at: issue.path.join('.'), message: issue.message });
    }
    return undefined;
  }
  return result.data;
}

export function loadSources(dataDir: string = DATA_DIR): Sources {
  const problems: Problem[] = [];
  const authored: Sources['authored'] = [];
  for (const name of yamlFiles(path.join(dataDir, 'authored'))) {
    const file = `authored/${name}`;
    const data = readValidated(dataDir, file, AuthoredFile, problems);
    if (data) authored.push({ file, questions: data.questions });
  }

  const facts: Sources['facts'] = [];
  for (const name of yamlFiles(path.join(dataDir, 'facts'))) {
    const file = `facts/${name}`;
    const data = readValidated(dataDir, file, FactsFile, problems);
    if (!data) continue;
    if (`${data.section}.yaml` !== name) {
      problems.push({ file, message: `a facts file is named after its section (${data.section}.yaml)` });
    }
    facts.push({ file, data });
  }

  // Several files may extend one category; members are merged by name.
  const categories = new Map<string, CategoryMember[]>();
  for (const name of yamlFiles(path.join(dataDir, 'categories'))) {
    const file = `categories/${name}`;
    const data = readValidated(dataDir, file, CategoriesFile, problems);
    if (!data) continue;
    for (const [category, members] of Object.entries(data.categories)) {
      const merged = categories.get(category) ?? [];
      for (const member of members) {
        if (!merged.some((m) => m.name === member.name)) merged.push(member);
      }
      categories.set(category, merged);
    }
  }
  return { authored, facts, categories, problems };
}
