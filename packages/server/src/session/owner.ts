import { StoreError, storeFailure } from '../errors/store-error.js';
import type { StateData, StateStore } from '../types.js';
import type { NextSession, SessionOwner } from './access.js';
import type { SessionCoordinator } from './coordinator.js';
import { KeptRefreshes } from './kept-refresh.js';
import { LocalLock } from './lock.js';
import { RedeemedSession, startsNewSession } from './rules.js';
import { isStateData } from './state-data.js';
import { sessionCeilingReached } from './session-expiry.js';

export interface SessionOwnerOptions<TStoreOptions> {
  store: StateStore<TStoreOptions>;
  /** The session's key in the store (its cookie name). */
  identifier: string;
  /** Locks sessions across processes (around the store's own lock) and shares refresh answers. */
  coordinator?: SessionCoordinator | undefined;
}

/**
 * The one owner of every change to a session: `get`, and a locked `update(fn)` that writes what `fn`
 * returns, over a state store. The lock stack of an update, outermost first (docs/architecture.md):
 *
 * 1. a {@link LocalLock} of this process, keyed by the session's `internal.sid`: the only lock when
 *    neither the coordinator nor the store has one, and with them it queues this process's own
 *    contenders here instead of on the backend;
 * 2. `coordinator.withLock`, when configured and a session exists: its lease fences the refresh
 *    answers shared with other processes (stateless sessions have no other cross-process lock);
 * 3. `store.withLock`, when the store has one: its lease fences the session writes themselves.
 *
 * Backend failures become `StoreError` `store_unavailable`. A refreshed session the store would not
 * take is kept ({@link KeptRefreshes}).
 */
export function createSessionOwner<O>(options: SessionOwnerOptions<O>): SessionOwner<O> {
  const { store, identifier, coordinator } = options;
  const local = new LocalLock();

  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      throw storeFailure(err, 'session');
    }
  };
  /** The store's answer as a promise: a synchronous throw becomes a rejection like any other. */
  const fromStore = (storeOptions: O | undefined): Promise<unknown> => {
    try {
      return Promise.resolve(store.get(identifier, storeOptions));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  };
  const read = (storeOptions: O | undefined): Promise<StateData | undefined> =>
    fromStore(storeOptions).then(asState, sessionFailure);
  const write = (current: StateData | undefined, next: StateData, storeOptions: O | undefined) =>
    guard(() => store.set(identifier, next, startsNewSession(current, next), storeOptions));
  const locked = <T>(sid: string, fn: () => Promise<T>, storeOptions: O | undefined): Promise<T> => {
    // Looked up per call: a store may gain a lock after construction.
    const inStore = () =>
      store.withLock ? guard(() => storeLock(store, identifier, fn, storeOptions)) : fn();
    // Without a session there is nothing to coordinate on: no other process can hold it.
    const across =
      coordinator && sid ? () => guard(() => coordinator.withLock(`session:${sid}`, inStore)) : inStore;
    return local.run(sid, across);
  };
  const kept = new KeptRefreshes<O>({ locked, read, write });

  /** Writes what an update's function returned, inside the lock; the session after it. */
  const apply = async (current: StateData | undefined, next: NextSession, storeOptions: O | undefined) => {
    if (next === undefined || next === current) return current;
    if (next === null) {
      await guard(() => store.delete(identifier, storeOptions));
      return undefined;
    }
    if (!(next instanceof RedeemedSession)) {
      await write(current, next, storeOptions);
      return next;
    }
    try {
      await write(current, next.session, storeOptions);
    } catch (err) {
      // The refresh token is spent: keep the session rather than lose it, unless nothing can be kept.
      if (!(err instanceof StoreError) || !current || !kept.keep(current, next, storeOptions)) throw err;
    }
    return next.session;
  };

  return {
    get: (storeOptions) =>
      fromStore(storeOptions).then((data) => kept.seen(asState(data), storeOptions), sessionFailure),
    async update(fn, storeOptions) {
      const sid = (await read(storeOptions))?.internal.sid ?? '';
      return locked(
        sid,
        async () => {
          const current = await kept.settle(await read(storeOptions), storeOptions);
          return apply(current, await fn(current), storeOptions);
        },
        storeOptions,
      );
    },
    deleteByLogoutToken: (claims, storeOptions) =>
      guard(() => store.deleteByLogoutToken(claims, storeOptions)),
  };
}

// A store may hand back anything (a custom store's corrupted record, another version's shape): what
// is not a session reads as no session. So does one past its IPSIE ceiling, whatever the store kept
// (a custom store knows no lifetimes).
const asState = (data: unknown): StateData | undefined =>
  isStateData(data) &&
  (data.sessionExpiresAt === undefined || !sessionCeilingReached(data, Math.floor(Date.now() / 1000)))
    ? data
    : undefined;
const sessionFailure = (err: unknown): never => {
  throw storeFailure(err, 'session');
};

function storeLock<O, T>(
  store: StateStore<O>,
  id: string,
  fn: () => Promise<T>,
  o: O | undefined,
): Promise<T> {
  return store.withLock ? store.withLock(id, fn, o) : fn();
}
