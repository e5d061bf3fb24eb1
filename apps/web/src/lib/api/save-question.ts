import type { SavedQuestion, SavedQuestionResponse, SaveQuestionRequest } from '@saa/contract/saved';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api-client.ts';
import { savedListQueryKey } from './list-saved.ts';

/** Saves a question (by the bank id a review shows), or updates its note. */
export function saveQuestion(questionId: string, request: SaveQuestionRequest = {}): Promise<SavedQuestion> {
  return apiRequest<SavedQuestionResponse>(`/saved/${encodeURIComponent(questionId)}`, {
    method: 'PUT',
    body: request,
  });
}

export function useSaveQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ questionId, note }: { questionId: string; note?: string }) =>
      saveQuestion(questionId, note === undefined ? {} : { note }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: savedListQueryKey }),
  });
}
