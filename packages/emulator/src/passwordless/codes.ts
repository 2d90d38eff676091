import { randomInt } from 'node:crypto';
import { sameSecret } from '../lib/same-secret.js';

/** How long a passwordless code or magic link is valid, as Auth0's default: 5 minutes. */
export const CODE_TTL_SECONDS = 300;
/** Wrong codes a sent code survives; the next one spends it, as Auth0 does (3 attempts). */
export const MAX_ATTEMPTS = 3;

/** A passwordless connection: `email` (code or link) or `sms` (code). */
export type PasswordlessConnection = 'email' | 'sms';

/** The authorization parameters a magic link carries back to the app. */
export interface LinkParams {
  redirectUri: string;
  scope: string;
  state?: string | undefined;
  audience?: string | undefined;
}

interface PendingCode {
  code: string;
  clientId: string;
  expiresAt: number;
  attemptsLeft: number;
  link?: LinkParams | undefined;
}

/** Why a code was not accepted. */
export type CodeRefusal = 'wrong' | 'expired' | 'exhausted';

/** The result of checking a code: the sent code's link parameters, or why it was refused. */
export type CodeCheck = { ok: true; link?: LinkParams | undefined } | { ok: false; reason: CodeRefusal };

/**
 * The codes sent by `/passwordless/start`, one live code per client, connection and recipient (a new
 * start replaces it). A code works once, until it expires, and survives {@link MAX_ATTEMPTS} wrong ones.
 */
export class PasswordlessCodes {
  readonly #pending = new Map<string, PendingCode>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Issues a new 6-digit code for `to`, replacing any earlier one. */
  issue(clientId: string, connection: PasswordlessConnection, to: string, link?: LinkParams): string {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.#pending.set(key(clientId, connection, to), {
      code,
      clientId,
      expiresAt: this.#now() + CODE_TTL_SECONDS * 1000,
      attemptsLeft: MAX_ATTEMPTS,
      link,
    });
    return code;
  }

  /** Checks and, when right, spends the code sent to `to`; a wrong one counts against it. */
  redeem(clientId: string, connection: PasswordlessConnection, to: string, code: string): CodeCheck {
    const id = key(clientId, connection, to);
    const pending = this.#pending.get(id);
    if (!pending) return { ok: false, reason: 'wrong' };
    if (this.#now() >= pending.expiresAt) {
      this.#pending.delete(id);
      return { ok: false, reason: 'expired' };
    }
    if (!sameSecret(pending.code, code)) {
      pending.attemptsLeft -= 1;
      if (pending.attemptsLeft > 0) return { ok: false, reason: 'wrong' };
      this.#pending.delete(id);
      return { ok: false, reason: 'exhausted' };
    }
    this.#pending.delete(id);
    return { ok: true, link: pending.link };
  }
}

function key(clientId: string, connection: PasswordlessConnection, to: string): string {
  return JSON.stringify([clientId, connection, connection === 'email' ? to.toLowerCase() : to]);
}

/** Auth0's `invalid_grant` description for each refusal. */
export function refusalDescription(reason: CodeRefusal, connection: PasswordlessConnection): string {
  switch (reason) {
    case 'expired':
      return 'The verification code has expired. Please try to login again.';
    case 'exhausted':
      return "You've reached the maximum number of attempts. Please try to login again.";
    case 'wrong':
      return connection === 'email'
        ? 'Wrong email or verification code.'
        : 'Wrong phone number or verification code.';
  }
}
