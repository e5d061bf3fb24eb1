import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('the password policy', () => {
  it('refuses common and breached-style passwords, saying why', () => {
    expect(passwordProblem('password123')).toMatch(/too easy to guess: this is a commonly used password/);
    expect(passwordProblem('qwertyuiop')).toMatch(/too easy to guess/);
    expect(passwordProblem('Summer2024!')).toMatch(/too easy to guess/);
  });

  it('refuses a password made of the email', () => {
    expect(passwordProblem('jdoe-lighthouse', ['jdoe-lighthouse@example.com'])).toMatch(/too easy to guess/);
    expect(passwordProblem('jdoe-lighthouse')).toBeNull();
  });

  it('accepts long passphrases, up to 128 characters', () => {
    expect(passwordProblem('a quiet lighthouse keeper 7')).toBeNull();
    expect(passwordProblem('violet tractors sing under 4 moons, loudly '.repeat(2).slice(0, 80))).toBeNull();
  });
});
