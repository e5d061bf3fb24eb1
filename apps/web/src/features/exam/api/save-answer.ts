import type { SaveAnswerRequest, SaveAnswerResponse } from '@saa/contract/attempts';
import { apiRequest } from '../../../lib/api-client.ts';

/**
 * One autosave. Not a react-query mutation: the answer queue owns retries, ordering and
 * persistence, which a mutation's retry would duplicate.
 */
export function saveAnswer(attemptId: string, position: number, body: SaveAnswerRequest, signal?: AbortSignal) {
  return apiRequest<SaveAnswerResponse>(`/attempts/${encodeURIComponent(attemptId)}/answers/${position}`, {
    method: 'PUT',
    body,
    signal,
  });
}
