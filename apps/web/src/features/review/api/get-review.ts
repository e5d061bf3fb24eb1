import type { ReviewFilter, ReviewResponse } from '@saa/contract/attempts';
import { REVIEW_FILTERS } from '@saa/contract/constants';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** The filter a `?filter=` value asks for; anything unknown shows them all. */
export const reviewFilterOf = (value: string | null): ReviewFilter => REVIEW_FILTERS.find((f) => f === value) ?? 'all';

export const reviewQueryKey = (attemptId: string, filter: ReviewFilter) =>
  ['attempts', 'review', attemptId, filter] as const;

export function getReview(attemptId: string, filter: ReviewFilter, signal?: AbortSignal): Promise<ReviewResponse> {
  return apiRequest<ReviewResponse>(`/attempts/${encodeURIComponent(attemptId)}/review?filter=${filter}`, { signal });
}

// A finished attempt's review never changes.
export const reviewQueryOptions = (attemptId: string, filter: ReviewFilter) =>
  queryOptions({
    queryKey: reviewQueryKey(attemptId, filter),
    queryFn: ({ signal }) => getReview(attemptId, filter, signal),
    staleTime: Number.POSITIVE_INFINITY,
    // Another filter of the same attempt keeps showing the current one until it arrives, so the
    // page does not blank out and jump back (another attempt's questions are never shown).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === attemptId ? previous : undefined),
  });

export const useReview = (attemptId: string, filter: ReviewFilter) => useQuery(reviewQueryOptions(attemptId, filter));
