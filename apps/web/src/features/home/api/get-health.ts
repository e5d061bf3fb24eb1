import { HealthResponse } from '@saa/contract/health';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { env } from '../../../lib/env.ts';

// /api/health answers 503 with the same body while the database is down: that is a state to show,
// not an error to throw.
export async function getHealth(signal?: AbortSignal): Promise<HealthResponse> {
  const response = await fetch(`${env.VITE_API_BASE_URL}/api/health`, { signal });
  return HealthResponse.parse(await response.json());
}

export const healthQueryOptions = () =>
  queryOptions({ queryKey: ['health'], queryFn: ({ signal }) => getHealth(signal), staleTime: 30_000 });

export const useHealth = () => useQuery(healthQueryOptions());
