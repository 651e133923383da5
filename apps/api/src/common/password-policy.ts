import type { ErrorCode } from '@olievlek/shared';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { DEMO_PASSWORD } from '../demo/demo-password';
import { badRequest } from './api-exception';

/** As before: the length is checked by the DTOs (12 characters, ASVS 6.2.1). */
export const PASSWORD_MIN_LENGTH = 12;

/**
 * zxcvbn's score 3 means "safely unguessable" (≥ 10^8 guesses): below it a password is one of the
 * maintained list's common passwords (@zxcvbn-ts/language-common, some 40,000 from breaches),
 * such a password with digits added, a dictionary word with a year, a keyboard walk, a date…
 */
const MIN_SCORE = 3;

/** Words of this app and of the demo: public, so a password made of them is as good as known. */
const CONTEXT_WORDS = [DEMO_PASSWORD, 'olievlek', 'voorbeeldstad', 'gemeente', 'wachtwoord'];

const estimator = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

export type PasswordProblem = Extract<
  ErrorCode,
  'PASSWORD_BLANK' | 'PASSWORD_REPETITIVE' | 'PASSWORD_TOO_COMMON'
>;

/**
 * What is wrong with a new password (ASVS 6.2: blank, repetitive, common or context-specific),
 * or null. `personal` are the account's own words (e-mail, name): a password built from them is
 * refused too. The one rule for every password the API sets (users.service.ts).
 */
export function passwordProblem(
  password: string,
  personal: ReadonlyArray<string> = [],
): PasswordProblem | null {
  if (password.trim() === '') return 'PASSWORD_BLANK';
  // The whole text, the e-mail's local part and each word of it.
  const personalWords = personal.flatMap((p) => {
    const lower = p.toLowerCase();
    return [lower, lower.split('@')[0], ...lower.split(/[^\p{L}\p{N}]+/u)];
  });
  const result = estimator.check(password, [
    ...CONTEXT_WORDS,
    ...personalWords.filter((w) => w.length >= 3),
  ]);
  const [only] = result.sequence;
  if (
    result.sequence.length === 1 &&
    (only.pattern === 'repeat' || only.pattern === 'sequence' || only.pattern === 'spatial')
  ) {
    return 'PASSWORD_REPETITIVE';
  }
  return result.score < MIN_SCORE ? 'PASSWORD_TOO_COMMON' : null;
}

const MESSAGES: Record<PasswordProblem, string> = {
  PASSWORD_BLANK: 'This password holds only spaces. Choose one with letters, digits or signs.',
  PASSWORD_REPETITIVE:
    'This password is one character or a simple sequence repeated (like "aaaa" or "1234"). Choose a longer mix, e.g. a few unrelated words.',
  PASSWORD_TOO_COMMON:
    'This password is too common or too easy to guess (a known password, a name of this app, or a word with digits). Choose a longer mix, e.g. a few unrelated words.',
};

/** Throws a 400 with the problem's code, the field named `password`. */
export function assertAcceptablePassword(password: string, personal: ReadonlyArray<string>): void {
  const problem = passwordProblem(password, personal);
  if (problem) throw badRequest(problem, MESSAGES[problem], { password: MESSAGES[problem] });
}
