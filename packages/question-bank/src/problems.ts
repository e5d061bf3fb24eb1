/** A finding about the bank's sources, reported by `bank:check` and failed on by the tests. */
export interface Problem {
  /** The data file (relative to data/) or "bank" for findings about the whole bank. */
  file: string;
  /** The question id or YAML path the finding is about, when there is one. */
  at?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.at ? ` [${p.at}]` : ''}: ${p.message}`;
}
