import type { Account } from 'oidc-provider';
import type { EmulatorUser } from '../config/types.js';
import { sameSecret } from '../crypto/same-secret.js';

/** The tenant's database connection: looks users up and checks passwords. */
export class UserDirectory {
  readonly #byId = new Map<string, EmulatorUser>();
  readonly #byEmail = new Map<string, EmulatorUser>();

  constructor(users: EmulatorUser[]) {
    for (const user of users) {
      this.#byId.set(user.user_id, user);
      this.#byEmail.set(user.email.toLowerCase(), user);
    }
  }

  /** The user with this `user_id`. */
  byId(userId: string): EmulatorUser | undefined {
    return this.#byId.get(userId);
  }

  /** The user whose email and password match, or undefined (the caller shows one generic error). */
  authenticate(email: string, password: string): EmulatorUser | undefined {
    const user = this.#byEmail.get(email.trim().toLowerCase());
    return user && sameSecret(user.password, password) ? user : undefined;
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
