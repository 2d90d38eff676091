import type { LogoutTokenClaims, StateData, StateStore } from '../types.js';
import { matchesLogoutToken } from './logout-match.js';
import { redactedView } from '../lib/redact.js';

/**
 * Sessions in a `Map` of this process, keyed by the identifier alone (so every caller shares one
 * session per identifier): for tests and scripts, not for a web app with more than one user.
 * Values are copied in and out, as a real store would serialize them.
 *
 * Exported from `auth0-server-ts/testing`.
 */
export class MemoryStateStore<TStoreOptions = unknown> implements StateStore<TStoreOptions> {
  readonly #sessions = new Map<string, StateData>();

  /** A copy of the session under `identifier`, or `undefined`. */
  async get(identifier: string): Promise<StateData | undefined> {
    const data = this.#sessions.get(identifier);
    return data && structuredClone(data);
  }

  /** Stores a copy of `data` under `identifier`. */
  async set(identifier: string, data: StateData): Promise<void> {
    this.#sessions.set(identifier, structuredClone(data));
  }

  async delete(identifier: string): Promise<void> {
    this.#sessions.delete(identifier);
  }

  /** Deletes every session the logout token's `sid`/`sub` (and `iss`) name. */
  async deleteByLogoutToken(claims: LogoutTokenClaims): Promise<void> {
    for (const [identifier, data] of this.#sessions) {
      if (matchesLogoutToken(data, claims)) this.#sessions.delete(identifier);
    }
  }
}

// Logged, the store shows its kind only: never a session, a cookie value or the secret it seals with.
redactedView(MemoryStateStore, () => ({}));
