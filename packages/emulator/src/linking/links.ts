import type { EmulatorConnection, EmulatorConnectionAccount } from '../config/types.js';
import { sameSecret } from '../lib/same-secret.js';

/** The tenant's database connection, under Auth0's default name: every user's primary identity. */
export const DATABASE_CONNECTION = 'Username-Password-Authentication';

/** An entry of a user's `identities`, as Auth0 lists them (the primary one first). */
export interface Identity {
  connection: string;
  provider: string;
  /** The provider's id of the account (a user's `user_id` without its `provider|` prefix). */
  user_id: string;
  isSocial: boolean;
  /** The linked account's profile; the primary identity has none. */
  profileData?: { name: string; email?: string };
}

/** Why a link was refused. */
export type LinkRefusal = 'linked_elsewhere';

/**
 * The accounts of the connections that can be linked (those with `accounts` in the configuration) and
 * which user each linked account belongs to. One per tenant build: a reset forgets every link.
 */
export class AccountLinks {
  readonly #connections = new Map<string, EmulatorConnectionAccount[]>();
  /** `connection\nuser_id` of a linked account → the primary `user_id` it is linked to. */
  readonly #owner = new Map<string, string>();
  /** Primary `user_id` → its linked identities, in linking order. */
  readonly #linked = new Map<string, Identity[]>();

  constructor(connections: EmulatorConnection[]) {
    for (const { name, accounts } of connections)
      if (accounts && accounts.length > 0) this.#connections.set(name, accounts);
  }

  /** Whether `connection` has accounts that can be linked. */
  linkable(connection: string): boolean {
    return this.#connections.has(connection);
  }

  /** The account whose username and password match on `connection`, else `undefined`. */
  authenticate(
    connection: string,
    username: string,
    password: string,
  ): EmulatorConnectionAccount | undefined {
    const account = this.#connections.get(connection)?.find((a) => a.username === username.trim());
    return account && sameSecret(account.password, password) ? account : undefined;
  }

  /**
   * Links `account` of `connection` to `primary`. Linking it again to the same user changes nothing;
   * an account linked to another user is refused (unlink it there first, as on Auth0).
   */
  link(primary: string, connection: string, account: EmulatorConnectionAccount): LinkRefusal | undefined {
    const key = `${connection}\n${account.user_id}`;
    const owner = this.#owner.get(key);
    if (owner === primary) return undefined;
    if (owner !== undefined) return 'linked_elsewhere';
    this.#owner.set(key, primary);
    const identity: Identity = {
      connection,
      provider: connection,
      user_id: account.user_id,
      isSocial: true,
      profileData: {
        name: account.name ?? account.username,
        ...(account.email ? { email: account.email } : {}),
      },
    };
    this.#linked.set(primary, [...(this.#linked.get(primary) ?? []), identity]);
    return undefined;
  }

  /** Removes `primary`'s identities on `connection` (all of them, or the one with `userId`); what was removed. */
  unlink(primary: string, connection: string, userId?: string): Identity[] {
    const all = this.#linked.get(primary) ?? [];
    const gone = all.filter(
      (i) => i.connection === connection && (userId === undefined || i.user_id === userId),
    );
    for (const identity of gone) this.#owner.delete(`${identity.connection}\n${identity.user_id}`);
    const kept = all.filter((i) => !gone.includes(i));
    if (kept.length > 0) this.#linked.set(primary, kept);
    else this.#linked.delete(primary);
    return gone;
  }

  /** `primary`'s linked identities (not its own). */
  linked(primary: string): Identity[] {
    return this.#linked.get(primary) ?? [];
  }

  /** Forgets every link of a deleted user, so its accounts can be linked to another. */
  forget(primary: string): void {
    for (const identity of this.linked(primary))
      this.#owner.delete(`${identity.connection}\n${identity.user_id}`);
    this.#linked.delete(primary);
  }
}

/** A database user's own identity: `auth0|alice` is `{ provider: 'auth0', user_id: 'alice' }`. */
export function primaryIdentity(userId: string): Identity {
  const bar = userId.indexOf('|');
  return {
    connection: DATABASE_CONNECTION,
    provider: 'auth0',
    user_id: bar < 0 ? userId : userId.slice(bar + 1),
    isSocial: false,
  };
}

/** Every identity of a user, its own first, as Auth0's user profile lists them. */
export function identitiesOf(userId: string, links: AccountLinks): Identity[] {
  return [primaryIdentity(userId), ...links.linked(userId)];
}
