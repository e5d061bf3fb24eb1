import { ProblemResponse } from '@saa/contract/problem';

/** Declares error statuses of a route as problem+json, for the serializer and the OpenAPI document. */
export function problems<S extends number>(...statuses: S[]): Record<S, typeof ProblemResponse> {
  return Object.fromEntries(statuses.map((status) => [status, ProblemResponse])) as Record<S, typeof ProblemResponse>;
}
