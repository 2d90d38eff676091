import type { SessionAccess } from '../session/access.js';
import type { StateData, StateStore } from '../types.js';

/**
 * {@link SessionAccess} over a state store and the session's identifier. The stores read an
 * unreadable cookie as no session; a failing backend (an outage) is passed on rather than read as a
 * logout. `update` runs one update at a time per session in this process, and
 * inside `stateStore.withLock` when the store offers one.
 */
export function createStoreSession<TStoreOptions>(
  store: () => StateStore<TStoreOptions>,
  identifier: string,
): SessionAccess<TStoreOptions> {
  const queues = new Map<string, Promise<unknown>>();

  const get = async (storeOptions?: TStoreOptions): Promise<StateData | undefined> =>
    (await store().get(identifier, storeOptions)) ?? undefined;

  return {
    get,
    set: (state, storeOptions, newSession = false) =>
      store().set(identifier, state, newSession, storeOptions),
    async update(fn, storeOptions) {
      const key = (await get(storeOptions))?.internal.sid ?? '';
      const previous = queues.get(key) ?? Promise.resolve();
      const locked = () => {
        const s = store();
        const inner = () => get(storeOptions).then(fn);
        return s.withLock ? s.withLock(identifier, inner, storeOptions) : inner();
      };
      const next = previous.then(locked, locked);
      const tail = next.catch(() => undefined);
      queues.set(key, tail);
      void tail.then(() => {
        if (queues.get(key) === tail) queues.delete(key);
      });
      return next;
    },
  };
}
