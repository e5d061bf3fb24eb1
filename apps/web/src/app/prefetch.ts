import { reviewFilterOf, reviewPageOf, reviewQueryOptions } from '../features/review/api/get-review.ts';
import { attemptQueryOptions } from '../lib/api/get-attempt.ts';
import { seemsSignedIn } from '../lib/api/get-me.ts';
import { statsQueryOptions } from '../lib/api/get-stats.ts';
import { recentAttemptsQueryOptions } from '../lib/api/list-attempts.ts';
import { queryClient } from './query-client.ts';

// Requests a page will make, started as soon as its address is known: while the page's own code is
// still downloading, instead of after it has loaded and rendered (on a slow phone network that is
// a round trip or two earlier). Navigation never waits for them; the page's queries then find the
// requests already under way. Failures are left to those queries (prefetchQuery never throws).
// Nothing is asked for on a device nobody is signed in on: those requests could only answer 401.

export interface PrefetchArgs {
  params: Record<string, string | undefined>;
  search: URLSearchParams;
}

export function prefetchDashboard() {
  if (!seemsSignedIn()) return;
  void queryClient.prefetchQuery(statsQueryOptions());
  void queryClient.prefetchQuery(recentAttemptsQueryOptions(12));
}

export function prefetchResults({ params }: PrefetchArgs) {
  if (params.id && seemsSignedIn()) void queryClient.prefetchQuery(attemptQueryOptions(params.id));
}

export function prefetchReview({ params, search }: PrefetchArgs) {
  const filter = reviewFilterOf(search.get('filter'));
  if (params.id && seemsSignedIn()) {
    void queryClient.prefetchQuery(reviewQueryOptions(params.id, filter, reviewPageOf(search.get('page'))));
  }
}
