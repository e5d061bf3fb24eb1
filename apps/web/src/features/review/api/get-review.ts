import type { ReviewFilter, ReviewResponse } from '@saa/contract/attempts';
import { REVIEW_FILTERS } from '@saa/contract/constants';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** The filter a `?filter=` value asks for; anything unknown shows them all. */
export const reviewFilterOf = (value: string | null): ReviewFilter => REVIEW_FILTERS.find((f) => f === value) ?? 'all';

/** The page a `?page=` value asks for; anything that is not a page number opens the first. */
export function reviewPageOf(value: string | null): number {
  const page = Number(value ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** One page of the filter, or `all` of it (printing). */
export type ReviewPage = number | 'all';

export const reviewQueryKey = (attemptId: string, filter: ReviewFilter, page: ReviewPage) =>
  ['attempts', 'review', attemptId, filter, page] as const;

export function getReview(
  attemptId: string,
  filter: ReviewFilter,
  page: ReviewPage,
  signal?: AbortSignal,
): Promise<ReviewResponse> {
  const pageQuery = page === 'all' ? '' : `&page=${page}`;
  return apiRequest<ReviewResponse>(`/attempts/${encodeURIComponent(attemptId)}/review?filter=${filter}${pageQuery}`, {
    signal,
  });
}

// A finished attempt's review never changes.
export const reviewQueryOptions = (attemptId: string, filter: ReviewFilter, page: ReviewPage) =>
  queryOptions({
    queryKey: reviewQueryKey(attemptId, filter, page),
    queryFn: ({ signal }) => getReview(attemptId, filter, page, signal),
    staleTime: Number.POSITIVE_INFINITY,
    // Another filter or page of the same attempt keeps showing the current one until it arrives, so
    // the page does not blank out and jump back (another attempt's questions are never shown).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === attemptId ? previous : undefined),
  });

export const useReview = (attemptId: string, filter: ReviewFilter, page: ReviewPage) =>
  useQuery(reviewQueryOptions(attemptId, filter, page));
