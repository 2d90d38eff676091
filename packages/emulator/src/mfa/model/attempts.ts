/**
 * Brute-force protection, counted per USER rather than per mfa_token: a fresh mfa_token costs an attacker
 * only another password login, so a per-token counter would not protect the 6-digit codes. After
 * `maxAttempts` wrong codes in a row every MFA grant of the user answers 429 `too_many_attempts` (with
 * `Retry-After`) until the lockout ends; a successful grant resets the count.
 */
import type { VerifyFailure } from '../types.js';
import { oauthError } from './responses.js';
import type { MfaState, UserRecord } from './state.js';

/** The 429 answer while the user is locked out, otherwise `undefined`. */
export function lockout(state: MfaState, user: UserRecord): VerifyFailure | undefined {
  const now = state.options.now();
  if (user.lockedUntil === undefined) return undefined;
  if (user.lockedUntil <= now) {
    delete user.lockedUntil;
    return undefined;
  }
  const retryAfter = String(Math.ceil((user.lockedUntil - now) / 1000));
  return oauthError(429, 'too_many_attempts', 'Too many failed attempts; try again later', {
    'Retry-After': retryAfter,
  });
}

/** Counts a wrong code, locking the user out once the limit is reached. */
export function recordFailure(state: MfaState, user: UserRecord): void {
  user.failures += 1;
  if (user.failures >= state.options.maxAttempts) {
    user.failures = 0;
    user.lockedUntil = state.options.now() + state.options.lockoutMs;
  }
}

/** Forgets earlier wrong codes after a success. */
export function recordSuccess(user: UserRecord): void {
  user.failures = 0;
}
