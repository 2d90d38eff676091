import { matchesLogoutToken, isStateData } from '../chunk-MCMMVY2J.js';
import { redactedView, createSealer, secretList, StoreError, transactionTtl, isRecord, requireObject, argumentError, positiveNumber } from '../chunk-2UU3TTTI.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as setTimeout$1 } from 'node:timers/promises';

var Script = class {
  constructor(source) {
    this.source = source;
    this.sha = createHash("sha1").update(source).digest("hex");
  }
  source;
  sha;
};
var Connection = class {
  client;
  prefix;
  #timeoutMs;
  /** @throws {TypeError} naming `client`, `prefix` or `timeoutMs` when malformed. */
  constructor(options) {
    requireObject(options, "options");
    if (typeof options.client?.call !== "function") {
      throw argumentError('"client" must be an ioredis Redis or Cluster client', "ERR_INVALID_ARG_TYPE");
    }
    const prefix = options.prefix ?? "a0:";
    if (typeof prefix !== "string" || /[{}]/.test(prefix)) {
      throw argumentError('"prefix" must be a string without braces (they would change hash slots)');
    }
    const timeoutMs = positiveNumber(options.timeoutMs, "timeoutMs", 2e3, "milliseconds");
    this.client = options.client;
    this.prefix = prefix;
    this.#timeoutMs = timeoutMs;
  }
  /** Runs one command; a failure or a missed deadline is `StoreError` `store_unavailable`. */
  command(name, args) {
    return this.#guard(() => this.client.call(name, args));
  }
  /** Runs `script` over `keys` (which must share a hash slot) and `args`. */
  eval(script, keys, args) {
    return this.#guard(async () => {
      try {
        return await this.client.call("EVALSHA", [script.sha, keys.length, ...keys, ...args]);
      } catch (err) {
        if (!(err instanceof Error) || !err.message.startsWith("NOSCRIPT")) throw err;
        return this.client.call("EVAL", [script.source, keys.length, ...keys, ...args]);
      }
    });
  }
  async #guard(run) {
    let timer;
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer from Redis within ${this.#timeoutMs} ms`)),
        this.#timeoutMs
      );
    });
    try {
      return await Promise.race([run(), deadline]);
    } catch (err) {
      throw new StoreError("store_unavailable", "Redis is unavailable; try again", { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }
};
function hashed(value) {
  return createHash("sha256").update(value).digest("base64url").slice(0, 32);
}
var ACQUIRE = new Script(`
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
local fence = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], 604800000)
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. fence, 'PX', ARGV[2])
return fence`);
var RENEW = new Script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`);
var RELEASE = new Script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);
var ABANDON = new Script(`
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
local held = redis.call('GET', KEYS[1])
if held and string.sub(held, 1, #ARGV[1] + 1) == ARGV[1] .. ':' then return redis.call('DEL', KEYS[1]) end
return 0`);
var ABANDON_MARK_MS = 6e4;
var RedisLock = class {
  #redis;
  #leaseMs;
  #waitMs;
  /** @throws {TypeError} naming `leaseMs` or `waitMs` when not a positive number. */
  constructor(redis, timing = {}) {
    this.#redis = redis;
    this.#leaseMs = positiveNumber(timing.leaseMs, "leaseMs", 5e3, "milliseconds");
    this.#waitMs = positiveNumber(timing.waitMs, "waitMs", 15e3, "milliseconds");
  }
  /**
   * Runs `fn` holding the lock `key` (its fence counter is `fenceKey`, in the same hash slot),
   * renewing the lease while `fn` runs and releasing it after.
   *
   * @throws {StoreError} `lock_timeout` after `waitMs`; `store_unavailable` when Redis fails.
   */
  async run(key, fenceKey, fn) {
    const owner = randomBytes(12).toString("base64url");
    const lease = await this.#acquire(key, fenceKey, owner);
    let leaseEnd = Date.now() + this.#leaseMs;
    const renewal = setInterval(
      () => {
        this.#redis.eval(RENEW, [key], [lease.token, this.#leaseMs]).then((renewed) => {
          if (Number(renewed) === 1) leaseEnd = Date.now() + this.#leaseMs;
        }, ignore);
      },
      Math.max(50, Math.floor(this.#leaseMs / 3))
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
  async #release(key, token, leaseEnd, attempt = 0) {
    try {
      await this.#redis.eval(RELEASE, [key], [token]);
    } catch {
      const delay = Math.min(100 * 2 ** attempt, 1e3);
      if (Date.now() + delay >= leaseEnd()) return;
      setTimeout(() => void this.#release(key, token, leaseEnd, attempt + 1), delay).unref();
    }
  }
  async #acquire(key, fenceKey, owner) {
    const giveUp = Date.now() + this.#waitMs;
    const mark = `${key}:abandoned:${owner}`;
    for (let attempt = 0; ; attempt++) {
      let fence;
      try {
        fence = Number(await this.#redis.eval(ACQUIRE, [key, fenceKey, mark], [owner, this.#leaseMs]));
      } catch (err) {
        this.#redis.eval(ABANDON, [key, mark], [owner, ABANDON_MARK_MS]).catch(ignore);
        throw err;
      }
      if (fence > 0) return { key, token: `${owner}:${fence}`, fence };
      const delay = Math.min(10 * 2 ** attempt, 150) * (0.5 + Math.random());
      if (Date.now() + delay > giveUp) {
        throw new StoreError(
          "lock_timeout",
          `The session is locked by another request for over ${this.#waitMs} ms; try again`
        );
      }
      await setTimeout$1(delay);
    }
  }
};
var ignore = () => void 0;

// src/redis/session-store.ts
var INDEX = new Script(`
redis.call('SADD', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1`);
var UPDATE = new Script(`
if ARGV[3] ~= '' and redis.call('GET', KEYS[2]) ~= ARGV[3] then return -1 end
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'XX') then return 1 end
return 0`);
var RedisSessionStore = class _RedisSessionStore {
  #redis;
  #sealer;
  #lock;
  #held = new AsyncLocalStorage();
  static {
    redactedView(_RedisSessionStore, (self) => ({ prefix: self.#redis.prefix }));
  }
  /** @throws {TypeError} naming `client`, `secret`, `prefix`, `timeoutMs`, `leaseMs` or `waitMs` when malformed. */
  constructor(options) {
    this.#redis = new Connection(options);
    this.#sealer = createSealer(secretList(options.secret), "session-store");
    this.#lock = new RedisLock(this.#redis, options);
  }
  /**
   * The session under `id`, or `undefined` when there is none (or its value cannot be opened with the
   * configured secrets).
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async get(id) {
    const value = await this.#redis.command("GET", [this.#key(id)]);
    return typeof value === "string" ? this.#open(value) : void 0;
  }
  /**
   * Stores a new session under `id` for `ttlSeconds` (default: one day) and indexes it.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async set(id, data, ttlSeconds = 86400) {
    const ttl = ttlMs(ttlSeconds);
    await this.#index(id, data, ttl);
    await this.#redis.command("SET", [
      this.#key(id),
      await this.#sealer.seal({ s: data }, sealTtl(ttlSeconds)),
      "PX",
      ttl
    ]);
  }
  /**
   * Replaces the session under `id` only if it still exists, restarting its TTL; `false` when it is gone.
   *
   * @throws {StoreError} `lock_timeout` when called inside {@link withLock} after the lease was lost;
   *   `store_unavailable`.
   */
  async update(id, data, ttlSeconds) {
    const ttl = ttlMs(ttlSeconds);
    await this.#index(id, data, ttl);
    const lease = this.#held.getStore();
    const token = lease && lease.key === this.#lockKey(id) ? lease.token : "";
    const sealed = await this.#sealer.seal({ s: data }, sealTtl(ttlSeconds));
    const written = Number(
      await this.#redis.eval(UPDATE, [this.#key(id), this.#lockKey(id)], [sealed, ttl, token])
    );
    if (written === -1) {
      throw new StoreError("lock_timeout", "The session lock was lost before the write; nothing was written");
    }
    return written === 1;
  }
  /**
   * Removes the session under `id` and its index entries.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async delete(id) {
    const state = await this.get(id);
    await this.#redis.command("DEL", [this.#key(id)]);
    if (state) await this.#unindex(id, state);
  }
  /**
   * Removes every session the validated logout token names, found through the `sid` index (or the
   * `sub` index when the token has no `sid`), each checked with its full claims before it is deleted.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async deleteByLogoutToken(claims) {
    const index = claims.sid !== void 0 ? this.#indexKey("sid", claims.sid) : claims.sub !== void 0 ? this.#indexKey("sub", claims.sub) : void 0;
    if (index === void 0) return;
    const ids = await this.#redis.command("SMEMBERS", [index]);
    for (const id of Array.isArray(ids) ? ids : []) {
      if (typeof id !== "string") continue;
      const state = await this.get(id);
      if (!state) {
        await this.#redis.command("SREM", [index, id]);
      } else if (matchesLogoutToken(state, claims)) {
        await this.#redis.command("DEL", [this.#key(id)]);
        await this.#unindex(id, state);
      }
    }
  }
  /**
   * Runs `fn` holding session `id`'s lock across processes; `update` inside it is fenced.
   *
   * @throws {StoreError} `lock_timeout` after `waitMs`; `store_unavailable`.
   */
  withLock(id, fn) {
    return this.#lock.run(this.#lockKey(id), `${this.#key(id)}:fence`, (lease) => this.#held.run(lease, fn));
  }
  async #open(value) {
    const opened = await this.#sealer.unseal(value);
    const state = opened.ok ? opened.payload["s"] : void 0;
    return isStateData(state) ? state : void 0;
  }
  async #index(id, data, ttl) {
    for (const key of this.#indexKeys(data)) await this.#redis.eval(INDEX, [key], [id, ttl]);
  }
  async #unindex(id, data) {
    for (const key of this.#indexKeys(data)) await this.#redis.command("SREM", [key, id]);
  }
  #indexKeys(data) {
    const keys = [];
    const sid = data.user?.["sid"];
    if (typeof sid === "string") keys.push(this.#indexKey("sid", sid));
    if (data.user?.sub !== void 0) keys.push(this.#indexKey("sub", data.user.sub));
    return keys;
  }
  #indexKey(kind, value) {
    return `${this.#redis.prefix}${kind}:${hashed(value)}`;
  }
  #key(id) {
    return `${this.#redis.prefix}s:{${hashed(id)}}`;
  }
  #lockKey(id) {
    return `${this.#key(id)}:lock`;
  }
};
function ttlMs(seconds) {
  return Math.max(1, Math.floor(seconds * 1e3));
}
function sealTtl(seconds) {
  return Math.ceil(seconds) + 1;
}

// src/redis/transaction-store.ts
var RedisTransactionStore = class _RedisTransactionStore {
  #redis;
  #sealer;
  #ttl;
  static {
    redactedView(_RedisTransactionStore, (self) => ({ prefix: self.#redis.prefix }));
  }
  /** @throws {TypeError} naming `client`, `secret`, `prefix`, `timeoutMs` or `ttl` when malformed. */
  constructor(options) {
    this.#redis = new Connection(options);
    this.#sealer = createSealer(secretList(options.secret), "transaction");
    this.#ttl = transactionTtl(options.ttl);
  }
  /**
   * The transaction under `identifier`, or `undefined`.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async get(identifier) {
    const value = await this.#redis.command("GET", [this.#key(identifier)]);
    if (typeof value !== "string") return void 0;
    const opened = await this.#sealer.unseal(value);
    const data = opened.ok ? opened.payload["t"] : void 0;
    return isRecord(data) && typeof data.codeVerifier === "string" ? { ...data, codeVerifier: data.codeVerifier } : void 0;
  }
  /**
   * Stores the transaction for `ttl` seconds.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async set(identifier, data) {
    const sealed = await this.#sealer.seal({ t: data }, this.#ttl);
    await this.#redis.command("SET", [this.#key(identifier), sealed, "EX", this.#ttl]);
  }
  /**
   * Removes the transaction under `identifier`.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async delete(identifier) {
    await this.#redis.command("DEL", [this.#key(identifier)]);
  }
  #key(identifier) {
    return `${this.#redis.prefix}tx:${hashed(identifier)}`;
  }
};

// src/redis/replay-store.ts
var RedisReplayStore = class _RedisReplayStore {
  #redis;
  static {
    redactedView(_RedisReplayStore, (self) => ({ prefix: self.#redis.prefix }));
  }
  /** @throws {TypeError} naming `client`, `prefix` or `timeoutMs` when malformed. */
  constructor(options) {
    this.#redis = new Connection(options);
  }
  /**
   * Whether `id` is recorded and not expired.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async has(id) {
    return await this.#redis.command("EXISTS", [this.#key(id)]) === 1;
  }
  /**
   * Records `id` until `expiresAt` (Unix ms); `false` when another call recorded it first.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async add(id, expiresAt) {
    const at = Math.max(Date.now() + 1e3, Math.ceil(expiresAt));
    return await this.#redis.command("SET", [this.#key(id), "1", "PXAT", at, "NX"]) === "OK";
  }
  /**
   * Forgets `id`.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async remove(id) {
    await this.#redis.command("DEL", [this.#key(id)]);
  }
  #key(id) {
    return `${this.#redis.prefix}jti:${hashed(id)}`;
  }
};
var SHARE = new Script(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1`);
var RedisCoordinator = class _RedisCoordinator {
  #redis;
  #lock;
  #held = new AsyncLocalStorage();
  static {
    redactedView(_RedisCoordinator, (self) => ({ prefix: self.#redis.prefix }));
  }
  /** @throws {TypeError} naming `client`, `prefix`, `timeoutMs`, `leaseMs` or `waitMs` when malformed. */
  constructor(options) {
    this.#redis = new Connection(options);
    this.#lock = new RedisLock(this.#redis, options);
  }
  /**
   * Runs `fn` holding the lock `key` in every instance.
   *
   * @throws {StoreError} `lock_timeout` after `waitMs`; `store_unavailable`.
   */
  withLock(key, fn) {
    const base = this.#base(key);
    return this.#lock.run(`${base}:lock`, `${base}:fence`, (lease) => this.#held.run(lease, fn));
  }
  /**
   * Shares `value` as `name` under `key` for `ttlSeconds`, if this call still holds `key`'s lock.
   *
   * @throws {StoreError} `lock_timeout` when the lock is not held (any more); `store_unavailable`.
   */
  async share(key, name, value, ttlSeconds) {
    const base = this.#base(key);
    const lease = this.#held.getStore();
    const ok = lease?.key === `${base}:lock` && Number(
      await this.#redis.eval(
        SHARE,
        [`${base}:lock`, `${base}:share:${hashed(name)}`],
        [lease.token, value, Math.max(1, Math.floor(ttlSeconds * 1e3))]
      )
    ) === 1;
    if (!ok) throw new StoreError("lock_timeout", "The lock was lost before the answer could be shared");
  }
  /**
   * The value shared as `name` under `key`, or `undefined`.
   *
   * @throws {StoreError} `store_unavailable`.
   */
  async shared(key, name) {
    const value = await this.#redis.command("GET", [`${this.#base(key)}:share:${hashed(name)}`]);
    return typeof value === "string" ? value : void 0;
  }
  #base(key) {
    return `${this.#redis.prefix}c:{${hashed(key)}}`;
  }
};

export { RedisCoordinator, RedisReplayStore, RedisSessionStore, RedisTransactionStore };
//# sourceMappingURL=index.js.map
//# sourceMappingURL=index.js.map