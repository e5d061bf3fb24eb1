import type { LoaderFunctionArgs } from 'react-router';
import { reviewFilterOf, reviewQueryOptions } from '../features/review/api/get-review.ts';
import { attemptQueryOptions } from '../lib/api/get-attempt.ts';
import { seemsSignedIn } from '../lib/api/get-me.ts';
import { statsQueryOptions } from '../lib/api/get-stats.ts';
import { recentAttemptsQueryOptions } from '../lib/api/list-attempts.ts';
import { queryClient } from './query-client.ts';

// Route loaders that only start the page's requests: they run as soon as the route matches, while
// the page's own code is still downloading, instead of after it has loaded and rendered (on a
// slow phone network that is a round trip or two earlier). They return at once, so navigation
// never waits for them; the page's queries then find the requests already under way. Failures are
// left to those queries (prefetchQuery never throws). Nothing is asked for on a device nobody is
// signed in on: those requests could only answer 401.

export function prefetchDashboard() {
  if (!seemsSignedIn()) return null;
  void queryClient.prefetchQuery(statsQueryOptions());
  void queryClient.prefetchQuery(recentAttemptsQueryOptions(12));
  return null;
}

export function prefetchResults({ params }: LoaderFunctionArgs) {
  if (params.id && seemsSignedIn()) void queryClient.prefetchQuery(attemptQueryOptions(params.id));
  return null;
}

export function prefetchReview({ params, request }: LoaderFunctionArgs) {
  const filter = reviewFilterOf(new URL(request.url).searchParams.get('filter'));
  if (params.id && seemsSignedIn()) {
    void queryClient.prefetchQuery(reviewQueryOptions(params.id, filter));
    void queryClient.prefetchQuery(attemptQueryOptions(params.id));
  }
  return null;
}
