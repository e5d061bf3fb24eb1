import type { AttemptResponse } from '@saa/contract/attempts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { readJson, removeKey, writeJson } from '../../../lib/storage.ts';

export interface RunningAttempt {
  attempt: AttemptResponse;
  /** performance.now() when the answer arrived: the anchor for the server's remainingSeconds. */
  receivedAt: number;
}

export const runningAttemptQueryKey = (id: string) => ['attempts', 'running', id] as const;

const snapshotKey = (id: string) => `saa:attempt-snapshot:${id}`;

/**
 * The attempt as the server last showed it, kept on the device while it runs (questions and saved
 * answers only: a running attempt carries no key), so that reloading the exam page offline still
 * opens it. Its time left is counted down from when it was kept.
 */
function offlineCopy(id: string): RunningAttempt | null {
  const kept = readJson<{ attempt: AttemptResponse; keptAt: number }>(snapshotKey(id));
  if (!kept || kept.attempt.id !== id || kept.attempt.status !== 'in_progress') return null;
  const elapsed = Math.max(0, (Date.now() - kept.keptAt) / 1000);
  const remainingSeconds =
    kept.attempt.remainingSeconds === null ? null : Math.max(0, Math.floor(kept.attempt.remainingSeconds - elapsed));
  return { attempt: { ...kept.attempt, remainingSeconds }, receivedAt: performance.now() };
}

export async function getRunningAttempt(id: string, signal?: AbortSignal): Promise<RunningAttempt> {
  try {
    const attempt = await apiRequest<AttemptResponse>(`/attempts/${encodeURIComponent(id)}`, { signal });
    if (attempt.status === 'in_progress') writeJson(snapshotKey(id), { attempt, keptAt: Date.now() });
    else removeKey(snapshotKey(id));
    return { attempt, receivedAt: performance.now() };
  } catch (error) {
    // Offline (no answer at all): open the copy kept on this device, if there is one.
    const copy = error instanceof TypeError ? offlineCopy(id) : null;
    if (copy) return copy;
    throw error;
  }
}

export const runningAttemptQueryOptions = (id: string) =>
  queryOptions({
    queryKey: runningAttemptQueryKey(id),
    queryFn: ({ signal }) => getRunningAttempt(id, signal),
    // Every visit must read the server's clock afresh; a cached copy would resume with stale time.
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
    refetchOnReconnect: false,
  });

export const useRunningAttempt = (id: string) => useQuery(runningAttemptQueryOptions(id));
