import { StoreError, storeFailure } from '../errors/store-error.js';
import { isStateData } from './state-data.js';
import type { StateData, StateStore } from '../types.js';
import type { SessionOwner } from './access.js';
import type { SessionCoordinator } from './coordinator.js';
import { LocalLock } from './lock.js';

/** What {@link createSessionOwner} works on. */
export interface SessionOwnerOptions<TStoreOptions> {
  store: StateStore<TStoreOptions>;
  /** The session's key in the store (its cookie name). */
  identifier: string;
  /** Locks sessions across processes (around the store's own lock) and shares refresh answers. */
  coordinator?: SessionCoordinator | undefined;
  /**
   * Milliseconds a refreshed session the store would not take is kept in this process and written
   * again. Default one hour.
   */
  unsavedMs?: number | undefined;
}

/** A refreshed session the store has not taken yet (see {@link SessionOwner.saveRefreshed}). */
interface Unsaved<O> {
  /** The refresh token the store still holds: the one that was redeemed. */
  base: string | undefined;
  /** The refresh token of the refreshed session. */
  after: string | undefined;
  /** Files the refresh's answer into the session as the store has it. */
  apply: (state: StateData) => StateData;
  /** The options of the latest request of this session, for the writes in the background. */
  storeOptions: O | undefined;
  /** When the process stops trying (Unix ms). */
  until: number;
  attempt: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** At most this many unsaved sessions are kept; past it a failed write is passed on. */
const MAX_UNSAVED = 10_000;

/**
 * The one owner of every change to a session: `get`, `set`, `delete` and a locked `update` over a
 * state store. Updates of one session run one at a time: always in this process (a
 * {@link LocalLock} keyed by the session's `internal.sid`), and across processes inside
 * `coordinator.withLock` and `store.withLock`, when configured (both when both are: the
 * coordinator's lease fences the shared answers, the store's lease fences the session writes).
 * Backend failures become `StoreError` `store_unavailable`.
 *
 * A session whose refresh token was redeemed but which the store would not take
 * ({@link SessionOwner.saveRefreshed}) is kept in this process: every later read of that session
 * here sees it, the next update writes it first, and a background retry (backoff up to one second)
 * writes it as soon as the store answers again, for at most `unsavedMs`.
 */
export function createSessionOwner<O>(options: SessionOwnerOptions<O>): SessionOwner<O> {
  const { store, identifier, coordinator } = options;
  const unsavedMs = options.unsavedMs ?? 60 * 60 * 1000;
  const local = new LocalLock();
  const unsaved = new Map<string, Unsaved<O>>();

  const guard = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      throw storeFailure(err, what);
    }
  };
  /**
   * The store's answer, settled or not, without an async frame: a throw or rejection becomes
   * {@link storeFailure} in the one rejection handler the caller passes to `then`.
   */
  const fromStore = (storeOptions: O | undefined): Promise<unknown> => {
    try {
      // `Promise.resolve` returns a native promise as it is, and adopts a value or thenable as `await` would.
      return Promise.resolve(store.get(identifier, storeOptions));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  };
  const read = (storeOptions?: O): Promise<StateData | undefined> =>
    fromStore(storeOptions).then(asState, sessionFailure);
  const set = (state: StateData, storeOptions?: O, newSession = false) =>
    guard('session', () => store.set(identifier, state, newSession, storeOptions));
  const locked = <T>(sid: string, fn: () => Promise<T>, storeOptions: O | undefined): Promise<T> => {
    const inStore = () =>
      store.withLock ? guard('session', () => storeLock(store, identifier, fn, storeOptions)) : fn();
    // Without a session there is nothing to coordinate on: no other process can hold it.
    const across =
      coordinator && sid
        ? () => guard('session', () => coordinator.withLock(`session:${sid}`, inStore))
        : inStore;
    return local.run(sid, across);
  };

  /** The unsaved refresh `state` (as the store has it) lacks; drops one the store has moved past. */
  const lacking = (state: StateData): Unsaved<O> | undefined => {
    const sid = state.internal.sid;
    const entry = unsaved.get(sid);
    if (!entry) return undefined;
    if (state.refreshToken === entry.base && Date.now() < entry.until) return entry;
    // Written (the store holds a later token), replaced by a new login, or kept too long.
    forget(sid, entry);
    return undefined;
  };
  const forget = (sid: string, entry: Unsaved<O>) => {
    clearTimeout(entry.timer);
    if (unsaved.get(sid) === entry) unsaved.delete(sid);
  };
  /** Inside the session's lock: the session with an unsaved refresh filed in, written if the store takes it. */
  const settle = async (state: StateData | undefined, storeOptions?: O) => {
    const entry = state && lacking(state);
    if (!state || !entry) return state;
    const next = entry.apply(state);
    try {
      await set(next, storeOptions, next.internal.sid !== state.internal.sid);
      forget(state.internal.sid, entry);
    } catch {
      // Still unsaved: the background retry goes on.
    }
    return next;
  };
  const retry = (sid: string, entry: Unsaved<O>, delayMs: number) => {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void flush(sid, entry), delayMs);
    // A pending retry does not keep a Node process alive (other runtimes have no `unref`).
    (entry.timer as { unref?: () => void }).unref?.();
  };
  const flush = async (sid: string, entry: Unsaved<O>) => {
    if (unsaved.get(sid) !== entry) return;
    const storeOptions = entry.storeOptions;
    try {
      await locked(
        sid,
        async () => {
          const state = await read(storeOptions);
          // The session ended (logout, expiry): nothing to write, ever.
          if (!state || state.internal.sid !== sid) forget(sid, entry);
          else await settle(state, storeOptions);
        },
        storeOptions,
      );
    } catch {
      // The store is still away.
    }
    if (unsaved.get(sid) !== entry) return;
    if (Date.now() >= entry.until) forget(sid, entry);
    else retry(sid, entry, Math.min(100 * 2 ** entry.attempt++, 1_000));
  };

  const owner: SessionOwner<O> = {
    coordinator,
    // Every request's read: one `then` over the store's answer, no async frames.
    get: (storeOptions) =>
      fromStore(storeOptions).then((data) => {
        const state = asState(data);
        const entry = state && lacking(state);
        if (!state || !entry) return state;
        // Seen by this request at once; written by the next update or the retry, which starts now.
        if (storeOptions !== undefined) entry.storeOptions = storeOptions;
        retry(state.internal.sid, entry, 0);
        return entry.apply(state);
      }, sessionFailure),
    set,
    delete: (storeOptions) => guard('session', () => store.delete(identifier, storeOptions)),
    deleteByLogoutToken: (claims, storeOptions) =>
      guard('session', () => store.deleteByLogoutToken(claims, storeOptions)),
    async update(fn, storeOptions) {
      const sid = (await read(storeOptions))?.internal.sid ?? '';
      return locked(sid, async () => fn(await settle(await read(storeOptions), storeOptions)), storeOptions);
    },
    async saveRefreshed(current, apply, storeOptions) {
      const next = apply(current);
      try {
        await set(next, storeOptions, next.internal.sid !== current.internal.sid);
        return next;
      } catch (err) {
        if (!(err instanceof StoreError)) throw err;
        const sid = current.internal.sid;
        const earlier = unsaved.get(sid);
        // `current` may itself be an unsaved refresh the store still lacks: the store holds its base.
        const chained = earlier && earlier.after === current.refreshToken ? earlier : undefined;
        if (!chained && unsaved.size >= MAX_UNSAVED) throw err;
        if (earlier) forget(sid, earlier);
        const entry: Unsaved<O> = {
          base: chained ? chained.base : current.refreshToken,
          after: next.refreshToken,
          apply: chained ? (state) => apply(chained.apply(state)) : apply,
          storeOptions,
          until: Date.now() + unsavedMs,
          attempt: 0,
        };
        unsaved.set(sid, entry);
        retry(sid, entry, 100);
        return next;
      }
    },
  };
  return owner;
}

// A store may hand back anything (a custom store's corrupted record, another version's shape): what
// is not a session reads as no session.
const asState = (data: unknown): StateData | undefined => (isStateData(data) ? data : undefined);
const sessionFailure = (err: unknown): never => {
  throw storeFailure(err, 'session');
};

/** Runs `fn` inside the store's own lock (looked up per call: a store may gain one after construction). */
function storeLock<O, T>(
  store: StateStore<O>,
  id: string,
  fn: () => Promise<T>,
  o: O | undefined,
): Promise<T> {
  return store.withLock ? store.withLock(id, fn, o) : fn();
}
