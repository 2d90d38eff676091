import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError } from '../errors/store-error.js';
import { Script, type Connection } from './connection.js';
import { positiveNumber } from '../lib/validate.js';

/** Lease and wait of a Redis lock. */
export interface LockTiming {
  /**
   * Milliseconds the lock outlives a holder that stops renewing it (a crashed process). A live holder
   * renews it every third of this. Default 5 000.
   */
  leaseMs?: number;
  /** Milliseconds a caller waits for the lock before `StoreError` `lock_timeout`. Default 15 000. */
  waitMs?: number;
}

/** A held lock: its keys and the token that proves it is still held. */
export interface Lease {
  key: string;
  /** `<owner>:<fence>`: what fenced writes compare the lock's value with. */
  token: string;
  /** Increases with every acquisition of this lock: a later holder always has a larger one. */
  fence: number;
}

// KEYS: lock, fence counter, the owner's abandon mark. ARGV: owner, lease ms. The fence is only spent
// on success.
const ACQUIRE = new Script(`
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
local fence = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], 604800000)
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'PX', ARGV[2])
return fence`);
// KEYS: lock. ARGV: token, lease ms.
const RENEW = new Script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`);
const RELEASE = new Script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);
// KEYS: lock, the owner's abandon mark. ARGV: owner, mark ttl ms. For an acquisition the caller gave
// up on: frees the lock if it took it, and marks the owner so that it cannot take it later.
const ABANDON = new Script(`
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
local held = redis.call('GET', KEYS[1])
if held and string.sub(held, 1, #ARGV[1] + 1) == ARGV[1] .. ':' then return redis.call('DEL', KEYS[1]) end
return 0`);
// Longer than any reordering of two commands one client sends in a row.
const ABANDON_MARK_MS = 60_000;

/**
 * A lease lock with fencing tokens on one Redis key (Cluster-safe: the lock and its fence counter
 * share a hash tag). Waiting callers poll with a growing, jittered delay, for at most `waitMs`.
 */
export class RedisLock {
  readonly #redis: Connection;
  readonly #leaseMs: number;
  readonly #waitMs: number;

  /** @throws {TypeError} naming `leaseMs` or `waitMs` when not a positive number. */
  constructor(redis: Connection, timing: LockTiming = {}) {
    this.#redis = redis;
    this.#leaseMs = positiveNumber(timing.leaseMs, 'leaseMs', 5_000, 'milliseconds');
    this.#waitMs = positiveNumber(timing.waitMs, 'waitMs', 15_000, 'milliseconds');
  }

  /**
   * Runs `fn` holding the lock `key` (its fence counter is `fenceKey`, in the same hash slot),
   * renewing the lease while `fn` runs and releasing it after.
   *
   * @throws {StoreError} `lock_timeout` after `waitMs`; `store_unavailable` when Redis fails.
   */
  async run<T>(key: string, fenceKey: string, fn: (lease: Lease) => Promise<T>): Promise<T> {
    const owner = randomBytes(12).toString('base64url');
    const lease = await this.#acquire(key, fenceKey, owner);
    // When the lease ends at the latest (measured after Redis's answer, so never too early).
    let leaseEnd = Date.now() + this.#leaseMs;
    const renewal = setInterval(
      () => {
        this.#redis.eval(RENEW, [key], [lease.token, this.#leaseMs]).then((renewed) => {
          if (Number(renewed) === 1) leaseEnd = Date.now() + this.#leaseMs;
        }, ignore);
      },
      Math.max(50, Math.floor(this.#leaseMs / 3)),
    );
    renewal.unref();
    try {
      return await fn(lease);
    } finally {
      clearInterval(renewal);
      await this.#release(key, lease.token, () => leaseEnd);
    }
  }

  /**
   * Gives the lock back. A release Redis does not take (it is away, or the client dropped the queued
   * command) is tried again in the background until the lease has ended anyway: a lock left behind
   * would keep every other caller waiting for the rest of its lease once Redis returns.
   */
  async #release(key: string, token: string, leaseEnd: () => number, attempt = 0): Promise<void> {
    try {
      await this.#redis.eval(RELEASE, [key], [token]);
    } catch {
      const delay = Math.min(100 * 2 ** attempt, 1_000);
      if (Date.now() + delay >= leaseEnd()) return;
      setTimeout(() => void this.#release(key, token, leaseEnd, attempt + 1), delay).unref();
    }
  }

  async #acquire(key: string, fenceKey: string, owner: string): Promise<Lease> {
    const giveUp = Date.now() + this.#waitMs;
    const mark = `${key}:abandoned:${owner}`;
    for (let attempt = 0; ; attempt++) {
      let fence: number;
      try {
        fence = Number(await this.#redis.eval(ACQUIRE, [key, fenceKey, mark], [owner, this.#leaseMs]));
      } catch (err) {
        // The attempt may still run: a client queues commands while it reconnects, and the deadline
        // only stops our waiting. Taken late, the lock would be held by no one for a whole lease, so
        // it is given back (and refused) by a command queued right behind the attempt.
        this.#redis.eval(ABANDON, [key, mark], [owner, ABANDON_MARK_MS]).catch(ignore);
        throw err;
      }
      if (fence > 0) return { key, token: `${owner}:${fence}`, fence };
      const delay = Math.min(10 * 2 ** attempt, 150) * (0.5 + Math.random());
      if (Date.now() + delay > giveUp) {
        throw new StoreError(
          'lock_timeout',
          `The session is locked by another request for over ${this.#waitMs} ms; try again`,
        );
      }
      await sleep(delay);
    }
  }
}

const ignore = (): void => undefined;
