import type { ProblemResponse } from '@saa/contract/problem';
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

  get code(): string | undefined {
    return this.problem?.code;
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Survive a page unload (the answer queue flushes this way when the tab closes). */
  keepalive?: boolean;
}

// A hand-written check rather than the contract's ProblemResponse schema: the browser carries no
// schema library (decision 019).
function toProblem(json: unknown, status: number): ProblemResponse | null {
  if (typeof json !== 'object' || json === null) return null;
  const body = json as Record<string, unknown>;
  if (typeof body.detail !== 'string' || typeof body.code !== 'string') return null;
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(
        (e): e is { field: string; message: string } =>
          typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string',
      )
    : undefined;
  return {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: typeof body.title === 'string' ? body.title : '',
    status: typeof body.status === 'number' ? body.status : status,
    detail: body.detail,
    code: body.code,
    ...(errors ? { errors } : {}),
  };
}

/**
 * Calls the API with the session cookie. The answer is typed by the shared contract, which the API
 * checked it against when it serialized it (every route declares its response schema per status);
 * the browser does not check it again, so no schema library loads on a phone (decision 019).
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await fetch(`${env.VITE_API_BASE_URL}/api${path}`, {
    method: options.method ?? 'GET',
    credentials: 'include',
    headers: options.body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
    keepalive: options.keepalive,
  });
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, toProblem(json, response.status));
  return json as T;
}

/** A message fit to show a user, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server cannot be reached. Check your connection and try again.';
  return 'Something went wrong. Please try again.';
}

/** A network failure (offline, DNS, connection refused) or a server-side error worth retrying. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || error.status === 408 || error.status === 429;
  return error instanceof TypeError;
}
