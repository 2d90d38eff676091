import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { StoreError } from '../errors/store-error.js';
import { argumentError, positiveNumber, requireObject } from '../lib/validate.js';

/**
 * The Redis client the stores run on: an `ioredis` `Redis` (standalone, or Sentinel through its
 * `sentinels` option) or `Cluster`, created, configured and closed by the application.
 */
export type RedisClient = Redis | Cluster;

/** What every Redis store of this package takes. */
export interface RedisConnectionOptions {
  /** The application's client; the store never connects or quits it. */
  client: RedisClient;
  /** Put before every key, so several apps (or test runs) can share one Redis. Default `'a0:'`. */
  prefix?: string;
  /**
   * Milliseconds one store operation may take before it fails with `StoreError`
   * `store_unavailable` (ioredis otherwise queues commands while it reconnects). Default 2 000.
   */
  timeoutMs?: number;
}

/** A Lua script, run by its SHA-1 (`EVALSHA`) and loaded on the first `NOSCRIPT`. */
export class Script {
  readonly sha: string;
  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }
}

/** The client, the key prefix and the deadline, shared by a store's operations. */
export class Connection {
  readonly client: RedisClient;
  readonly prefix: string;
  readonly #timeoutMs: number;

  /** @throws {TypeError} naming `client`, `prefix` or `timeoutMs` when malformed. */
  constructor(options: RedisConnectionOptions) {
    requireObject(options, 'options');
    if (typeof options.client?.call !== 'function') {
      throw argumentError('"client" must be an ioredis Redis or Cluster client', 'ERR_INVALID_ARG_TYPE');
    }
    const prefix = options.prefix ?? 'a0:';
    if (typeof prefix !== 'string' || /[{}]/.test(prefix)) {
      throw argumentError('"prefix" must be a string without braces (they would change hash slots)');
    }
    const timeoutMs = positiveNumber(options.timeoutMs, 'timeoutMs', 2_000, 'milliseconds');
    this.client = options.client;
    this.prefix = prefix;
    this.#timeoutMs = timeoutMs;
  }

  /** Runs one command; a failure or a missed deadline is `StoreError` `store_unavailable`. */
  command(name: string, args: (string | number)[]): Promise<unknown> {
    return this.#guard(() => this.client.call(name, args));
  }

  /** Runs `script` over `keys` (which must share a hash slot) and `args`. */
  eval(script: Script, keys: string[], args: (string | number)[]): Promise<unknown> {
    return this.#guard(async () => {
      try {
        return await this.client.call('EVALSHA', [script.sha, keys.length, ...keys, ...args]);
      } catch (err) {
        if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
        return this.client.call('EVAL', [script.source, keys.length, ...keys, ...args]);
      }
    });
  }

  async #guard<T>(run: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer from Redis within ${this.#timeoutMs} ms`)),
        this.#timeoutMs,
      );
    });
    try {
      return await Promise.race([run(), deadline]);
    } catch (err) {
      throw new StoreError('store_unavailable', 'Redis is unavailable; try again', { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A hash of an untrusted or secret value, safe in a key name (no braces, no clear text). */
export function hashed(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 32);
}
