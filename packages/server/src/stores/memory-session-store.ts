import type { LogoutTokenClaims, StateData } from '../types.js';
import { matchesLogoutToken } from './logout-match.js';
import type { SessionStore } from './session-store.js';
import { redactedView } from '../lib/redact.js';

/** A stored session and when it expires. */
interface Entry {
  data: StateData;
  /** Epoch milliseconds, or `Infinity` when set without a ttl. */
  expiresAt: number;
}

/**
 * A {@link SessionStore} in this process's memory, indexed by the user's `sid` and `sub` so that
 * back-channel logout finds sessions without a scan. Sessions vanish on restart and are not shared
 * between instances: use it for development, tests, and single-process deployments.
 *
 * @example
 * const stateStore = new StatefulStateStore({ secret, store: new MemorySessionStore() }, cookies);
 */
export class MemorySessionStore<TStoreOptions = unknown> implements SessionStore<TStoreOptions> {
  readonly #entries = new Map<string, Entry>();
  readonly #bySid = new Map<string, Set<string>>();
  readonly #bySub = new Map<string, Set<string>>();

  /** The number of sessions held (expired ones included until they are next looked at). */
  get size(): number {
    return this.#entries.size;
  }

  /** A copy of the session under `id`, or `undefined` once it has expired. */
  async get(id: string): Promise<StateData | undefined> {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#remove(id);
      return undefined;
    }
    return structuredClone(entry.data);
  }

  /** Stores a copy of `data` under `id`, for `ttlSeconds` when given, and indexes it by `sid` and `sub`. */
  async set(id: string, data: StateData, ttlSeconds?: number): Promise<void> {
    this.#remove(id);
    const expiresAt = ttlSeconds === undefined ? Infinity : Date.now() + ttlSeconds * 1000;
    this.#entries.set(id, { data: structuredClone(data), expiresAt });
    const { sid, sub } = keysOf(data);
    if (sid !== undefined) add(this.#bySid, sid, id);
    if (sub !== undefined) add(this.#bySub, sub, id);
  }

  /** Replaces the session under `id` only while it exists (and has not expired); `false` otherwise. */
  async update(id: string, data: StateData, ttlSeconds: number): Promise<boolean> {
    if ((await this.get(id)) === undefined) return false;
    await this.set(id, data, ttlSeconds);
    return true;
  }

  async delete(id: string): Promise<void> {
    this.#remove(id);
  }

  /** Removes every session the logout token's `sid`/`sub` (and `iss`) name, found through the index. */
  async deleteByLogoutToken(claims: LogoutTokenClaims): Promise<void> {
    const candidates =
      claims.sid !== undefined
        ? this.#bySid.get(claims.sid)
        : claims.sub !== undefined
          ? this.#bySub.get(claims.sub)
          : undefined;
    for (const id of [...(candidates ?? [])]) {
      const entry = this.#entries.get(id);
      if (entry && matchesLogoutToken(entry.data, claims)) this.#remove(id);
    }
  }

  #remove(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    const { sid, sub } = keysOf(entry.data);
    if (sid !== undefined) drop(this.#bySid, sid, id);
    if (sub !== undefined) drop(this.#bySub, sub, id);
  }
}

/** The index keys of a session: the ID token's `sid` and the user's `sub`. */
function keysOf(data: StateData): { sid: string | undefined; sub: string | undefined } {
  const sid = data.user?.['sid'];
  return { sid: typeof sid === 'string' ? sid : undefined, sub: data.user?.sub };
}

function add(index: Map<string, Set<string>>, key: string, id: string): void {
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}

/** Removes `id` from the set under `key`, and the set once it is empty. */
function drop(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}

// Logged, the store shows how many sessions it holds, never one of them.
redactedView(MemorySessionStore, (store) => ({ size: store.size }));
