import type { Account } from 'oidc-provider';
import type { EmulatorUser } from '../config/types.js';
import { sameSecret } from '../lib/same-secret.js';
import { PasswordAttempts } from './password-attempts.js';

/** A password check: the user, a wrong email or password, or a login name locked for `retryAfter` seconds. */
export type PasswordCheck =
  | { ok: true; user: EmulatorUser }
  | { ok: false; retryAfter?: undefined; blocked?: undefined }
  | { ok: false; retryAfter: number; blocked?: undefined }
  | { ok: false; blocked: true; retryAfter?: undefined };

/** What Auth0 answers for a blocked user, at the token endpoint and on its login page. */
export const USER_BLOCKED = 'user is blocked';

/** When a user was created and last changed, as the Management API reports it (ISO 8601). */
export interface UserTimes {
  created_at: string;
  updated_at: string;
}

/** The tenant's database connection: looks users up and checks passwords. */
export class UserDirectory {
  readonly #byId = new Map<string, EmulatorUser>();
  readonly #byEmail = new Map<string, EmulatorUser>();
  readonly #times = new Map<string, UserTimes>();
  readonly #attempts: PasswordAttempts;

  constructor(users: EmulatorUser[], attempts: PasswordAttempts = new PasswordAttempts()) {
    this.#attempts = attempts;
    for (const user of users) this.put(user);
  }

  /** Every user, in creation order. */
  list(): EmulatorUser[] {
    return [...this.#byId.values()];
  }

  /** The user with this email (case-insensitive). */
  byEmail(email: string): EmulatorUser | undefined {
    return this.#byEmail.get(email.trim().toLowerCase());
  }

  /** When the user was created and last changed. */
  times(userId: string): UserTimes | undefined {
    return this.#times.get(userId);
  }

  /**
   * Adds a user or replaces the one with the same `user_id` (the caller checked that the email is not
   * another user's), keeping its creation time.
   */
  put(user: EmulatorUser): void {
    const prior = this.#byId.get(user.user_id);
    if (prior) this.#byEmail.delete(prior.email.toLowerCase());
    this.#byId.set(user.user_id, user);
    this.#byEmail.set(user.email.toLowerCase(), user);
    const now = new Date().toISOString();
    this.#times.set(user.user_id, {
      created_at: this.#times.get(user.user_id)?.created_at ?? now,
      updated_at: now,
    });
  }

  /** Removes a user; false when there was none. */
  delete(userId: string): boolean {
    const user = this.#byId.get(userId);
    if (!user) return false;
    this.#byId.delete(userId);
    this.#byEmail.delete(user.email.toLowerCase());
    this.#times.delete(userId);
    return true;
  }

  byId(userId: string): EmulatorUser | undefined {
    return this.#byId.get(userId);
  }

  /**
   * Checks a login: the user whose email and password match, or a failure (the caller shows one generic
   * error), counted against the login name; a locked name is refused before its password is looked at.
   */
  authenticate(email: string, password: string): PasswordCheck {
    const retryAfter = this.#attempts.lockedFor(email);
    if (retryAfter !== undefined) return { ok: false, retryAfter };
    const user = this.byEmail(email);
    if (!user || !sameSecret(user.password, password)) {
      this.#attempts.failed(email);
      return { ok: false };
    }
    this.#attempts.succeeded(email);
    // Told only after the right password, so the answer does not reveal who is blocked.
    if (user.blocked) return { ok: false, blocked: true };
    return { ok: true, user };
  }

  /**
   * The oidc-provider account view of a user: the claims Auth0 puts in ID tokens and /userinfo. A
   * blocked or deleted user has none, so their refresh tokens and /userinfo stop working too.
   */
  account(userId: string): Account | undefined {
    const user = this.#byId.get(userId);
    if (!user || user.blocked) return undefined;
    return {
      accountId: user.user_id,
      claims: () => ({
        sub: user.user_id,
        email: user.email,
        email_verified: user.email_verified ?? true,
        name: user.name ?? user.email,
        nickname: user.email.split('@')[0],
      }),
    };
  }
}
