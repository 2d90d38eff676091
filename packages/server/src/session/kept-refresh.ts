import type { StateData } from '../types.js';
import type { RedeemedSession } from './rules.js';

/** What {@link KeptRefreshes} needs from the session owner. */
export interface KeptRefreshHost<O> {
  /** Runs `fn` inside session `sid`'s lock (the owner's, the same as its updates take). */
  locked<T>(sid: string, fn: () => Promise<T>, storeOptions: O | undefined): Promise<T>;
  /** The session as the store has it. */
  read(storeOptions: O | undefined): Promise<StateData | undefined>;
  /** Writes `next` where the store holds `stored`. */
  write(stored: StateData, next: StateData, storeOptions: O | undefined): Promise<void>;
  /** Unix milliseconds; `Date.now` unless a test moves time. */
  now?: () => number;
}

/** A refreshed session the store has not taken yet. */
interface Kept<O> {
  sid: string;
  /** The refresh token the store still holds: the one that was redeemed. */
  base: string | undefined;
  /** The refresh token of the refreshed session. */
  after: string | undefined;
  /** Files the refresh's answer into the session as the store has it. */
  refile: (state: StateData) => StateData;
  /** The options of the latest request of this session, for the writes in the background. */
  storeOptions: O | undefined;
  /** When the process stops trying (Unix ms). */
  until: number;
  attempt: number;
  timer?: ReturnType<typeof setTimeout>;
}

/** At most this many sessions are kept; past it a failed write is passed on to the caller. */
const MAX_KEPT = 10_000;
/**
 * How long a kept session is retried. Bounded so that a store which never comes back does not hold
 * tokens in memory for ever; an outage longer than this costs the user a login, not the process.
 */
const KEEP_MS = 60 * 60 * 1000;
/** The longest pause between background writes. */
const MAX_RETRY_MS = 1_000;

/**
 * The refreshed sessions a store would not take. Their refresh token was redeemed, so dropping them
 * would log the user out (the store holds a spent token): each is kept in this process, every read
 * of that session here sees it ({@link seen}), the next update writes it first ({@link settle}), and
 * a background retry (backoff up to one second) writes it once the store answers again. A session
 * ended meanwhile (logout, expiry, a new login) is never written back.
 */
export class KeptRefreshes<O> {
  readonly #host: KeptRefreshHost<O>;
  readonly #now: () => number;
  readonly #kept = new Map<string, Kept<O>>();

  constructor(host: KeptRefreshHost<O>) {
    this.#host = host;
    this.#now = host.now ?? Date.now;
  }

  get size(): number {
    return this.#kept.size;
  }

  /**
   * Keeps `redeemed`, which the store refused where it holds `current`, and starts the background
   * retry. `false` when it cannot be kept (too many are): the caller passes the failure on.
   */
  keep(current: StateData, redeemed: RedeemedSession, storeOptions: O | undefined): boolean {
    const sid = current.internal.sid;
    const earlier = this.#kept.get(sid);
    // `current` may itself hold a kept refresh the store still lacks: the store holds its base.
    const chained = earlier && earlier.after === current.refreshToken ? earlier : undefined;
    if (!chained && this.#kept.size >= MAX_KEPT) return false;
    if (earlier) this.#forget(earlier);
    const refile = redeemed.refile;
    const entry: Kept<O> = {
      sid,
      base: chained ? chained.base : current.refreshToken,
      after: redeemed.session.refreshToken,
      refile: chained ? (state) => refile(chained.refile(state)) : refile,
      storeOptions,
      until: this.#now() + KEEP_MS,
      attempt: 0,
    };
    this.#kept.set(sid, entry);
    this.#retry(entry, 100);
    return true;
  }

  /**
   * A request's read: the stored session with its kept refresh filed in, and the background write
   * started at once (with this request's options). Synchronous: it runs on every read.
   */
  seen(stored: StateData | undefined, storeOptions: O | undefined): StateData | undefined {
    const entry = stored && this.#lacking(stored);
    if (!stored || !entry) return stored;
    if (storeOptions !== undefined) entry.storeOptions = storeOptions;
    this.#retry(entry, 0);
    return entry.refile(stored);
  }

  /**
   * Inside the session's lock: the stored session with its kept refresh filed in, and written when
   * the store takes it (else the background retry goes on).
   */
  async settle(stored: StateData | undefined, storeOptions: O | undefined): Promise<StateData | undefined> {
    const entry = stored && this.#lacking(stored);
    if (!stored || !entry) return stored;
    const next = entry.refile(stored);
    try {
      await this.#host.write(stored, next, storeOptions);
      this.#forget(entry);
    } catch {
      // Still kept: the background retry goes on.
    }
    return next;
  }

  /** The kept refresh `stored` lacks; forgets one the store has moved past. */
  #lacking(stored: StateData): Kept<O> | undefined {
    const entry = this.#kept.get(stored.internal.sid);
    if (!entry) return undefined;
    if (stored.refreshToken === entry.base && this.#now() < entry.until) return entry;
    // Written (the store holds a later token), replaced by a new login, or kept too long.
    this.#forget(entry);
    return undefined;
  }

  #forget(entry: Kept<O>): void {
    clearTimeout(entry.timer);
    if (this.#kept.get(entry.sid) === entry) this.#kept.delete(entry.sid);
  }

  #retry(entry: Kept<O>, delayMs: number): void {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.#flush(entry), delayMs);
    // A pending retry does not keep a Node process alive (other runtimes have no `unref`).
    (entry.timer as { unref?: () => void }).unref?.();
  }

  async #flush(entry: Kept<O>): Promise<void> {
    if (this.#kept.get(entry.sid) !== entry) return;
    const { sid, storeOptions } = entry;
    try {
      await this.#host.locked(
        sid,
        async () => {
          const stored = await this.#host.read(storeOptions);
          // The session ended (logout, expiry, a new login): nothing to write, ever.
          if (!stored || stored.internal.sid !== sid) this.#forget(entry);
          else await this.settle(stored, storeOptions);
        },
        storeOptions,
      );
    } catch {
      // The store is still away.
    }
    if (this.#kept.get(sid) !== entry) return;
    if (this.#now() >= entry.until) this.#forget(entry);
    else this.#retry(entry, Math.min(100 * 2 ** entry.attempt++, MAX_RETRY_MS));
  }
}
