import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { StateData } from '../types.js';

/**
 * The two functions of a test runner the suites register their tests with (vitest's, jest's,
 * mocha's or `node:test`'s `describe` and `it`).
 */
export interface TestApi {
  describe(name: string, fn: () => void): unknown;
  /** `fn` takes the runner's test context where it passes one (vitest, `node:test`): see {@link skip}. */
  it(name: string, fn: (context?: unknown) => Promise<void>, timeoutMs?: number): unknown;
}

/** A fake clock the suites move instead of waiting (vitest: `vi.setSystemTime`, then `vi.useRealTimers`). */
export interface TestClock {
  /** Moves the clock `ms` milliseconds on. */
  advance(ms: number): void | Promise<void>;
  /** Gives the real clock back; called after each test that moved it. */
  reset(): void | Promise<void>;
}

/**
 * Ends the running test as skipped, with `reason`, through the runner's test context (vitest's
 * `context.skip(note)`, `node:test`'s `t.skip(message)`); a runner that passes none (jest, mocha's
 * arrow functions) reports it as passed, and the reason goes to the console.
 */
export function skip(context: unknown, reason: string): void {
  const ctx = typeof context === 'object' && context !== null ? context : {};
  if ('skip' in ctx && typeof ctx.skip === 'function') ctx.skip(reason);
  else console.warn(`skipped: ${reason}`);
}

/** Makes a fresh, empty store for one test (a unique key prefix, a new table, ...). */
export type StoreFactory<T> = () => T | Promise<T>;

/** A session of user `sub` with ID-token session `sid`; its tokens are random, so a test can look for them. */
export function state(sub: string, sid: string, extra: Partial<StateData> = {}): StateData {
  const token = (kind: string) => `${kind}-${randomBytes(8).toString('hex')}`;
  return {
    user: { sub, sid, iss: 'https://tenant.example.com/' },
    idToken: token('id-token'),
    refreshToken: token('rt'),
    tokenSets: [
      { audience: 'https://api', accessToken: token('at'), scope: 'read', expiresAt: 2_000_000_000 },
    ],
    internal: { sid: randomBytes(8).toString('hex'), createdAt: Math.floor(Date.now() / 1000) },
    ...extra,
  };
}

/** A random id (128 bits, base64url). */
export const id = (): string => randomBytes(16).toString('base64url');

/** Asserts that `promise` rejects (and, with `check`, with an error it accepts). */
export async function rejects(promise: Promise<unknown>, check?: (err: unknown) => boolean): Promise<void> {
  await assert.rejects(promise, (err: unknown) => check?.(err) ?? true);
}
