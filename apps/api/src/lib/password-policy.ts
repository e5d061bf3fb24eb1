import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/**
 * zxcvbn's score runs 0-4; 3 is "safely unguessable: moderate protection from an offline
 * slow-hash attack" (the zxcvbn authors' threshold for new passwords). It rejects the common and
 * breached-style passwords in its dictionaries (password123, qwertyuiop, Summer2024!) and accepts
 * long passphrases.
 */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

/** Built on first use: loading the dictionaries takes a moment that a start need not pay. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

/**
 * Why a new password is refused, in words for its owner (a field error), or null when it is
 * acceptable. `related` holds what an attacker would try first: the email and its parts.
 */
export function passwordProblem(password: string, related: string[] = []): string | null {
  const inputs = related.flatMap((value) => [value, ...value.split(/[@._+-]/)]).filter((v) => v.length >= 3);
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ?? result.feedback.suggestions[0] ?? null;
  const base = 'this password is too easy to guess';
  return why
    ? `${base}: ${why.charAt(0).toLowerCase()}${why.slice(1).replace(/\.$/, '')}. Try a longer phrase of unrelated words`
    : `${base}. Try a longer phrase of unrelated words`;
}
