import type { SessionAccess } from '../session/access.js';
import type { StateData, StateStore } from '../types.js';
import { isRecord } from './is-record.js';

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

  // A store may hand back anything (a corrupted record, another version's shape): what is not a
  // session reads as no session rather than crashing the token operations that trust its fields.
  const get = async (storeOptions?: TStoreOptions): Promise<StateData | undefined> => {
    const data: unknown = await store().get(identifier, storeOptions);
    return isStateData(data) ? data : undefined;
  };

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

/** Whether a stored value has the fields the SDK reads from a session, with their types. */
function isStateData(value: unknown): value is StateData {
  if (!isRecord(value) || !isRecord(value.internal) || !Array.isArray(value.tokenSets)) return false;
  const optional = (v: unknown, type: 'string' | 'number') => v === undefined || typeof v === type;
  return (
    typeof value.internal.sid === 'string' &&
    typeof value.internal.createdAt === 'number' &&
    (value.user === undefined || isRecord(value.user)) &&
    optional(value.idToken, 'string') &&
    optional(value.refreshToken, 'string') &&
    value.tokenSets.every(
      (t) =>
        isRecord(t) &&
        typeof t.audience === 'string' &&
        typeof t.accessToken === 'string' &&
        typeof t.expiresAt === 'number' &&
        (t.scope === undefined || t.scope === null || typeof t.scope === 'string'),
    )
  );
}
