import { base64url } from 'jose';
import { createSealer, type Sealer } from '../crypto/index.js';
import { isRecord } from '../lib/is-record.js';
import type { StateData } from '../types.js';
import type { SessionCoordinator } from './coordinator.js';
import type { TokenAnswer } from './rules.js';
import { scopesOf, type TokenSetQuery } from './token-sets.js';

/** A refresh answer another process shared, and when it shared it. */
export interface SharedAnswer {
  answer: TokenAnswer;
  /**
   * Unix time in milliseconds, on the sharing process's clock, when the answer was shared: just after
   * it arrived. `undefined` for an answer shared by a version that did not record it.
   */
  sharedAt: number | undefined;
}

/**
 * The refresh answers one process shares with the others through a {@link SessionCoordinator},
 * encrypted with the SDK's secret (key purpose `refresh-share`). An answer is filed under the
 * session and a hash of the refresh token it redeemed (plus audience and scope), so only a process
 * holding that same refresh token finds it: exactly the processes whose refresh would redeem it again.
 */
export class RefreshShare {
  readonly #coordinator: SessionCoordinator;
  readonly #sealer: Sealer;
  readonly #ttl: number;

  /** @param ttlSeconds how long waiters can pick the answer up. */
  constructor(coordinator: SessionCoordinator, secrets: readonly string[], ttlSeconds: number) {
    this.#coordinator = coordinator;
    this.#sealer = createSealer(secrets, 'refresh-share');
    this.#ttl = ttlSeconds;
  }

  /** The answer another process got for this session's refresh token and `query`, if it shared one. */
  async find(state: StateData, query: TokenSetQuery): Promise<SharedAnswer | undefined> {
    const sealed = await this.#coordinator.shared(lockKey(state), await nameOf(state, query));
    if (sealed === undefined) return undefined;
    const opened = await this.#sealer.unseal(sealed);
    if (!opened.ok) return undefined;
    const answer = opened.payload['a'];
    const sharedAt = opened.payload['t'];
    if (!isTokenAnswer(answer)) return undefined;
    return { answer, sharedAt: typeof sharedAt === 'number' ? sharedAt : undefined };
  }

  /** Shares the answer to `state`'s refresh (call it under the session's coordinator lock). */
  async publish(state: StateData, query: TokenSetQuery, answer: TokenAnswer): Promise<void> {
    // `t` lets a forced refresh tell an answer obtained after it started from an older one.
    const sealed = await this.#sealer.seal({ a: { ...answer }, t: Date.now() }, this.#ttl);
    await this.#coordinator.share(lockKey(state), await nameOf(state, query), sealed, this.#ttl);
  }
}

/** The coordinator lock key of a session: the one the session owner takes. */
function lockKey(state: StateData): string {
  return `session:${state.internal.sid}`;
}

/** The refresh token (hashed: it never becomes a key in clear), audience and canonical scope. */
async function nameOf(state: StateData, query: TokenSetQuery): Promise<string> {
  const text = `${state.refreshToken ?? ''}\u0000${query.audience}\u0000${[...scopesOf(query.scope)].sort().join(' ')}`;
  // Web Crypto, not node:crypto: the core runs where Node built-ins are absent.
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64url.encode(new Uint8Array(digest));
}

function isTokenAnswer(value: unknown): value is TokenAnswer {
  return (
    isRecord(value) &&
    isRecord(value.tokens) &&
    typeof value.tokens.accessToken === 'string' &&
    typeof value.tokens.expiresAt === 'number'
  );
}
