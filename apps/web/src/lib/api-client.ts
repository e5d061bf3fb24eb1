import { ProblemResponse } from '@saa/contract/problem';
import type { z } from 'zod';
import { env } from './env.ts';

/** An error answer from the API, carrying its problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemResponse | null;

  constructor(status: number, problem: ProblemResponse | null) {
    super(problem?.detail ?? `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API with the session cookie and checks the answer against the shared contract. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await fetch(`${env.VITE_API_BASE_URL}/api${path}`, {
    method: options.method ?? 'GET',
    credentials: 'include',
    headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (response.status === 204) return schema.parse(undefined);
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = ProblemResponse.safeParse(json);
    throw new ApiError(response.status, problem.success ? problem.data : null);
  }
  return schema.parse(json);
}
