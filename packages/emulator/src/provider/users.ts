import type { Account } from 'oidc-provider';
import type { EmulatorUser } from '../config/types.js';
import { sameSecret } from '../crypto/same-secret.js';
import { PasswordAttempts } from './password-attempts.js';

/** A password check: the user, a wrong email or password, or a login name locked for `retryAfter` seconds. */
export type PasswordCheck =
  | { ok: true; user: EmulatorUser }
  | { ok: false; retryAfter?: undefined }
  | { ok: false; retryAfter: number };

/** The tenant's database connection: looks users up and checks passwords. */
export class UserDirectory {
  readonly #byId = new Map<string, EmulatorUser>();
  readonly #byEmail = new Map<string, EmulatorUser>();
  readonly #attempts: PasswordAttempts;

  constructor(users: EmulatorUser[], attempts: PasswordAttempts = new PasswordAttempts()) {
    this.#attempts = attempts;
    for (const user of users) {
      this.#byId.set(user.user_id, user);
      this.#byEmail.set(user.email.toLowerCase(), user);
    }
  }

  /** The user with this `user_id`. */
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
    const user = this.#byEmail.get(email.trim().toLowerCase());
    if (!user || !sameSecret(user.password, password)) {
      this.#attempts.failed(email);
      return { ok: false };
    }
    this.#attempts.succeeded(email);
    return { ok: true, user };
  }

  /** The oidc-provider account view of a user: the claims Auth0 puts in ID tokens and /userinfo. */
  account(userId: string): Account | undefined {
    const user = this.#byId.get(userId);
    if (!user) return undefined;
    return {
      accountId: user.user_id,
      claims: () => ({
        sub: user.user_id,
        email: user.email,
        email_verified: true,
        name: user.name ?? user.email,
        nickname: user.email.split('@')[0],
      }),
    };
  }
}
