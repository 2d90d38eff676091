import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { StateData } from '../types.js';

/**
 * The two functions of a test runner the suites register their tests with (vitest's, jest's,
 * mocha's or `node:test`'s `describe` and `it`).
 */
export interface TestApi {
  describe(name: string, fn: () => void): unknown;
  it(name: string, fn: () => Promise<void>, timeoutMs?: number): unknown;
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
