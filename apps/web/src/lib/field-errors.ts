import { ApiError } from './api-client.ts';

/**
 * The API's validation errors by field, keyed by the last path segment ("body.email" → "email"),
 * so a form can show each message under its own input.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem?.errors) return {};
  const result: Record<string, string> = {};
  for (const { field, message } of error.problem.errors) {
    const key =
      field
        .split('.')
        .filter((part) => !/^\d+$/.test(part))
        .pop() ?? field;
    // Shown as a sentence under the field: it starts with a capital letter.
    result[key] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  return result;
}
