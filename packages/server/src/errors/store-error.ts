import { Auth0Error } from './auth0-error.js';
import { sanitize } from './sanitize.js';

/**
 * A session, transaction or replay store could not do its job. Both codes are retryable: nothing
 * was lost and the session is as it was before the call.
 *
 * - `store_unavailable`: the store's backend failed (Redis down, a timeout, a refused connection).
 *   It is never reported as "no session" or "missing transaction": an outage is not a logout.
 * - `lock_timeout`: another request held the session's lock for longer than the store waits (or
 *   this request lost its lease while it worked); try again shortly.
 *
 * `cause` holds the backend's error name and message only.
 *
 * @example
 * ```ts
 * if (err instanceof StoreError) return res.status(503).set('Retry-After', '1').end();
 * ```
 */
export class StoreError extends Auth0Error {
  readonly code: 'store_unavailable' | 'lock_timeout';
  /** Always `true`: the same call may succeed when it is made again. */
  readonly retryable = true as const;

  /** @param options.cause the backend's failure; only its name and message are kept. */
  constructor(code: StoreError['code'], message: string, options?: { cause?: unknown }) {
    super(message, {}, options?.cause === undefined ? undefined : { cause: sanitize(options.cause) });
    this.code = code;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryable: this.retryable };
  }
}

const fromApp = new WeakSet<object>();

/**
 * Marks `err` as thrown by the app's own code (its cookie handler): it reaches the caller as it is,
 * never read as "no session" nor wrapped as a store outage.
 */
export function appFailure(err: unknown): unknown {
  if (typeof err === 'object' && err !== null) fromApp.add(err);
  return err;
}

/** Whether `err` was thrown by the app's own code ({@link appFailure}). */
export function isAppFailure(err: unknown): boolean {
  return typeof err === 'object' && err !== null && fromApp.has(err);
}

/**
 * The error to throw for a store call that failed with `err`: SDK errors and argument errors pass
 * as they are, anything else becomes `store_unavailable`.
 */
export function storeFailure(err: unknown, what: string): unknown {
  if (isAppFailure(err)) return err;
  if (err instanceof Auth0Error || err instanceof TypeError || err instanceof RangeError) return err;
  return new StoreError('store_unavailable', `The ${what} store is unavailable; try again`, { cause: err });
}

/**
 * Runs a store call and awaits what it returns, a promise or a plain value (a custom store written
 * in JavaScript may return `undefined` from `set`); a failure, thrown or rejected, becomes
 * {@link storeFailure}.
 */
export async function storeCall<T>(what: string, call: () => T | PromiseLike<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw storeFailure(err, what);
  }
}
