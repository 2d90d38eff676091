import { storeFailure } from '../errors/store-error.js';
import { isStateData } from '../stores/state-data.js';
import type { StateData, StateStore } from '../types.js';
import type { SessionOwner } from './access.js';
import type { SessionCoordinator } from './coordinator.js';
import { LocalLock } from './lock.js';

/** What {@link createSessionOwner} works on. */
export interface SessionOwnerOptions<TStoreOptions> {
  store: StateStore<TStoreOptions>;
  /** The session's key in the store (its cookie name). */
  identifier: string;
  /** Locks sessions across processes (in place of the store's own lock) and shares refresh answers. */
  coordinator?: SessionCoordinator | undefined;
}

/**
 * The one owner of every change to a session: `get`, `set`, `delete` and a locked `update` over a
 * state store. Updates of one session run one at a time: always in this process (a
 * {@link LocalLock} keyed by the session's `internal.sid`), and across processes inside
 * `coordinator.withLock` when a coordinator is configured, else `store.withLock` when the store has
 * one. Backend failures
 * become `StoreError` `store_unavailable`.
 */
export function createSessionOwner<O>(options: SessionOwnerOptions<O>): SessionOwner<O> {
  const { store, identifier, coordinator } = options;
  const local = new LocalLock();

  const guard = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      throw storeFailure(err, what);
    }
  };
  // A store may hand back anything (a custom store's corrupted record, another version's shape): what
  // is not a session reads as no session.
  const get = async (storeOptions?: O): Promise<StateData | undefined> => {
    const data: unknown = await guard('session', () => store.get(identifier, storeOptions));
    return isStateData(data) ? data : undefined;
  };
  const across = <T>(sid: string, fn: () => Promise<T>, storeOptions: O | undefined): Promise<T> => {
    // Without a session there is nothing to coordinate on: no other process can hold it.
    if (coordinator && sid) return guard('session', () => coordinator.withLock(`session:${sid}`, fn));
    return store.withLock ? guard('session', () => storeLock(store, identifier, fn, storeOptions)) : fn();
  };

  return {
    coordinator,
    get,
    set: (state, storeOptions, newSession = false) =>
      guard('session', () => store.set(identifier, state, newSession, storeOptions)),
    delete: (storeOptions) => guard('session', () => store.delete(identifier, storeOptions)),
    deleteByLogoutToken: (claims, storeOptions) =>
      guard('session', () => store.deleteByLogoutToken(claims, storeOptions)),
    async update(fn, storeOptions) {
      const sid = (await get(storeOptions))?.internal.sid ?? '';
      return local.run(sid, () => across(sid, () => get(storeOptions).then(fn), storeOptions));
    },
  };
}

/** Runs `fn` inside the store's own lock (looked up per call: a store may gain one after construction). */
function storeLock<O, T>(
  store: StateStore<O>,
  id: string,
  fn: () => Promise<T>,
  o: O | undefined,
): Promise<T> {
  return store.withLock ? store.withLock(id, fn, o) : fn();
}
