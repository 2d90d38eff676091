import { isStateData, assertStateData, matchesLogoutToken } from './chunk-MCMMVY2J.js';
import { TransactionBinding, CallbackError, MfaTokenInvalidError, SessionTooLargeError, BackchannelLogoutError, RequestError, LoginRequiredError, TokenExchangeError, ServerError, MfaTokenExpiredError, MfaRequiredError, IdTokenValidationError, TokenForConnectionError } from './chunk-M4OAD6WH.js';
import { redactedView, cookieAttributes, secureByDefault, argumentError, storeFailure, optionalString, requireString, cookieStoreParts, resolveSessionLifetime, absoluteExpiry, sessionExpiry, requireMethods, transactionTtl, requireObject, secretList, nonNegativeNumber, positiveNumber, createSealer, isLoopback, isRecord, requireCookieName, Auth0Error, sanitize, StoreError } from './chunk-2UU3TTTI.js';
import { base64url, importPKCS8, decodeJwt, jwtVerify, errors, createRemoteJWKSet, customFetch, decodeProtectedHeader } from 'jose';
import * as oauth3 from 'oauth4webapi';

var DEFAULT_ACCESS_TOKEN_LIFETIME = 3600;
function toTokenResponse(response, now = Date.now()) {
  const issuedAt = Math.floor(now / 1e3);
  return {
    accessToken: response.access_token,
    expiresAt: typeof response.expires_in === "number" ? issuedAt + response.expires_in : jwtExpiry(response.access_token) ?? issuedAt + DEFAULT_ACCESS_TOKEN_LIFETIME,
    tokenType: tokenTypeOf(response.token_type),
    ...response.id_token === void 0 ? {} : { idToken: response.id_token },
    ...response.refresh_token === void 0 ? {} : { refreshToken: response.refresh_token },
    ...response.scope === void 0 ? {} : { scope: response.scope }
  };
}
function tokenTypeOf(value) {
  if (value === "bearer") return "Bearer";
  if (value === "dpop") return "DPoP";
  return value;
}
function jwtExpiry(accessToken) {
  try {
    const { exp } = decodeJwt(accessToken);
    return typeof exp === "number" && Number.isFinite(exp) ? exp : void 0;
  } catch {
    return void 0;
  }
}

// src/session/kept-refresh.ts
var MAX_KEPT = 1e4;
var KEEP_MS = 60 * 60 * 1e3;
var MAX_RETRY_MS = 1e3;
var KeptRefreshes = class {
  #host;
  #now;
  #kept = /* @__PURE__ */ new Map();
  constructor(host) {
    this.#host = host;
    this.#now = host.now ?? Date.now;
  }
  /** How many sessions are kept. */
  get size() {
    return this.#kept.size;
  }
  /**
   * Keeps `redeemed`, which the store refused where it holds `current`, and starts the background
   * retry. `false` when it cannot be kept (too many are): the caller passes the failure on.
   */
  keep(current, redeemed, storeOptions) {
    const sid = current.internal.sid;
    const earlier = this.#kept.get(sid);
    const chained = earlier && earlier.after === current.refreshToken ? earlier : void 0;
    if (!chained && this.#kept.size >= MAX_KEPT) return false;
    if (earlier) this.#forget(earlier);
    const refile = redeemed.refile;
    const entry = {
      sid,
      base: chained ? chained.base : current.refreshToken,
      after: redeemed.session.refreshToken,
      refile: chained ? (state) => refile(chained.refile(state)) : refile,
      storeOptions,
      until: this.#now() + KEEP_MS,
      attempt: 0
    };
    this.#kept.set(sid, entry);
    this.#retry(entry, 100);
    return true;
  }
  /**
   * A request's read: the stored session with its kept refresh filed in, and the background write
   * started at once (with this request's options). Synchronous: it runs on every read.
   */
  seen(stored, storeOptions) {
    const entry = stored && this.#lacking(stored);
    if (!stored || !entry) return stored;
    if (storeOptions !== void 0) entry.storeOptions = storeOptions;
    this.#retry(entry, 0);
    return entry.refile(stored);
  }
  /**
   * Inside the session's lock: the stored session with its kept refresh filed in, and written when
   * the store takes it (else the background retry goes on).
   */
  async settle(stored, storeOptions) {
    const entry = stored && this.#lacking(stored);
    if (!stored || !entry) return stored;
    const next = entry.refile(stored);
    try {
      await this.#host.write(stored, next, storeOptions);
      this.#forget(entry);
    } catch {
    }
    return next;
  }
  /** The kept refresh `stored` lacks; forgets one the store has moved past. */
  #lacking(stored) {
    const entry = this.#kept.get(stored.internal.sid);
    if (!entry) return void 0;
    if (stored.refreshToken === entry.base && this.#now() < entry.until) return entry;
    this.#forget(entry);
    return void 0;
  }
  #forget(entry) {
    clearTimeout(entry.timer);
    if (this.#kept.get(entry.sid) === entry) this.#kept.delete(entry.sid);
  }
  #retry(entry, delayMs) {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.#flush(entry), delayMs);
    entry.timer.unref?.();
  }
  async #flush(entry) {
    if (this.#kept.get(entry.sid) !== entry) return;
    const { sid, storeOptions } = entry;
    try {
      await this.#host.locked(
        sid,
        async () => {
          const stored = await this.#host.read(storeOptions);
          if (!stored || stored.internal.sid !== sid) this.#forget(entry);
          else await this.settle(stored, storeOptions);
        },
        storeOptions
      );
    } catch {
    }
    if (this.#kept.get(sid) !== entry) return;
    if (this.#now() >= entry.until) this.#forget(entry);
    else this.#retry(entry, Math.min(100 * 2 ** entry.attempt++, MAX_RETRY_MS));
  }
};

// src/session/lock.ts
var LocalLock = class {
  #tails = /* @__PURE__ */ new Map();
  /** Runs `fn` once every earlier `run` for `key` has settled. */
  run(key, fn) {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const tail = next.then(
      () => void 0,
      () => void 0
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return next;
  }
};
function newSessionId(bytes = 16) {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(bytes)));
}

// src/session/token-sets.ts
var DEFAULT_AUDIENCE = "default";
function audienceToSend(audience) {
  return audience === DEFAULT_AUDIENCE ? void 0 : audience;
}
function scopesOf(scope) {
  const scopes = /* @__PURE__ */ new Set();
  if (scope) {
    for (const s of scope.split(" ")) if (s) scopes.add(s);
  }
  return scopes;
}
function canonicalScope(scope) {
  return [...scopesOf(scope)].sort().join(" ");
}
function tokenSetMatches(set, query) {
  if (set.audience !== query.audience) return false;
  const wanted = scopesOf(query.scope);
  if (wanted.size === 0) return true;
  const has = scopesOf(set.scope);
  for (const s of wanted) if (!has.has(s)) return false;
  return true;
}
function findTokenSet(state, query) {
  let best;
  for (const set of state?.tokenSets ?? []) {
    if (tokenSetMatches(set, query) && (!best || set.expiresAt > best.expiresAt)) best = set;
  }
  return best;
}
function upsertTokenSet(state, set, now = Math.floor(Date.now() / 1e3)) {
  const key = canonicalScope(set.scope);
  const kept = state.tokenSets.filter(
    (t) => t.expiresAt > now && !(t.audience === set.audience && canonicalScope(t.scope) === key)
  );
  return { ...state, tokenSets: [...kept, { ...set }] };
}

// src/session/apply-token-response.ts
function applyTokenResponse(state, response, options) {
  const now = options.now ?? Math.floor(Date.now() / 1e3);
  const claims = response.idToken !== void 0 ? options.claims : void 0;
  const base = state && !(claims && state.user && state.user.sub !== claims.sub) ? state : {
    user: void 0,
    idToken: void 0,
    refreshToken: void 0,
    tokenSets: [],
    internal: { sid: newSessionId(), createdAt: now }
  };
  const next = upsertTokenSet(
    base,
    {
      audience: options.audience,
      accessToken: response.accessToken,
      scope: response.scope ?? options.scope,
      expiresAt: response.expiresAt
    },
    now
  );
  next.internal = { ...base.internal };
  if (response.refreshToken !== void 0) next.refreshToken = response.refreshToken;
  if (claims) {
    next.user = claims;
    next.idToken = response.idToken;
  }
  return next;
}

// src/session/connection-token-sets.ts
function findConnectionTokenSet(state, connection) {
  const sets = state?.connectionTokenSets;
  if (!Array.isArray(sets)) return void 0;
  for (const set of sets) {
    if (isRecord(set) && set.connection === connection && typeof set.accessToken === "string" && typeof set.expiresAt === "number") {
      return {
        accessToken: set.accessToken,
        expiresAt: set.expiresAt,
        scope: typeof set.scope === "string" ? set.scope : void 0,
        connection,
        ...typeof set.loginHint === "string" ? { loginHint: set.loginHint } : {}
      };
    }
  }
  return void 0;
}
function withConnectionTokenSet(state, set) {
  const others = Array.isArray(state.connectionTokenSets) ? state.connectionTokenSets.filter((s) => !isRecord(s) || s.connection !== set.connection) : [];
  return { ...state, connectionTokenSets: [...others, set] };
}

// src/session/same-user.ts
function assertSameUser(state, claims) {
  const user = state?.user;
  if (!user || !claims) return;
  if (claims.sub !== user.sub) throw mismatch("sub");
  if (user.iss !== void 0 && claims.iss !== user.iss) throw mismatch("iss");
}
function mismatch(claim) {
  return new IdTokenValidationError(
    `The new ID token names another ${claim === "sub" ? "user" : "issuer"} than the session's: the session was left as it was`,
    claim,
    { code: "id_token_user_mismatch" }
  );
}

// src/session/rules.ts
var RedeemedSession = class {
  constructor(session, refile) {
    this.session = session;
    this.refile = refile;
  }
  session;
  refile;
};
function loggedIn(answer, target) {
  return applyTokenResponse(void 0, answer.tokens, { ...target, claims: answer.claims });
}
function refreshed(current, answer, query) {
  assertSameUser(current, answer.claims);
  const refile = (state) => applyTokenResponse(state, answer.tokens, { ...query, claims: answer.claims });
  return new RedeemedSession(refile(current), refile);
}
function connectionGranted(current, set) {
  return withConnectionTokenSet(current, set);
}
function mfaGranted(current, answer, target) {
  const { claims } = answer;
  if (!current && !claims) return current;
  if (current && !target.sessionBound && !claims) {
    throw new MfaTokenInvalidError(
      "The mfa token was issued without a session and its answer names no user: it cannot add tokens to this session (log out first, or verify with persist: false)"
    );
  }
  assertSameUser(current, claims);
  return applyTokenResponse(current, answer.tokens, {
    audience: target.audience,
    scope: target.scope,
    claims
  });
}
function startsNewSession(current, next) {
  return !current || next.internal.sid !== current.internal.sid;
}

// src/session/owner.ts
function createSessionOwner(options) {
  const { store, identifier, coordinator } = options;
  const local = new LocalLock();
  const guard = async (call) => {
    try {
      return await call();
    } catch (err) {
      throw storeFailure(err, "session");
    }
  };
  const fromStore = (storeOptions) => {
    try {
      return Promise.resolve(store.get(identifier, storeOptions));
    } catch (err) {
      return Promise.reject(err);
    }
  };
  const read = (storeOptions) => fromStore(storeOptions).then(asState, sessionFailure);
  const write = (current, next, storeOptions) => guard(() => store.set(identifier, next, startsNewSession(current, next), storeOptions));
  const locked = (sid, fn, storeOptions) => {
    const inStore = () => store.withLock ? guard(() => storeLock(store, identifier, fn, storeOptions)) : fn();
    const across = coordinator && sid ? () => guard(() => coordinator.withLock(`session:${sid}`, inStore)) : inStore;
    return local.run(sid, across);
  };
  const kept = new KeptRefreshes({ locked, read, write });
  const apply = async (current, next, storeOptions) => {
    if (next === void 0 || next === current) return current;
    if (next === null) {
      await guard(() => store.delete(identifier, storeOptions));
      return void 0;
    }
    if (!(next instanceof RedeemedSession)) {
      await write(current, next, storeOptions);
      return next;
    }
    try {
      await write(current, next.session, storeOptions);
    } catch (err) {
      if (!(err instanceof StoreError) || !current || !kept.keep(current, next, storeOptions)) throw err;
    }
    return next.session;
  };
  return {
    // Every request's read: one `then` over the store's answer, no async frames.
    get: (storeOptions) => fromStore(storeOptions).then((data) => kept.seen(asState(data), storeOptions), sessionFailure),
    async update(fn, storeOptions) {
      const sid = (await read(storeOptions))?.internal.sid ?? "";
      return locked(
        sid,
        async () => {
          const current = await kept.settle(await read(storeOptions), storeOptions);
          return apply(current, await fn(current), storeOptions);
        },
        storeOptions
      );
    },
    deleteByLogoutToken: (claims, storeOptions) => guard(() => store.deleteByLogoutToken(claims, storeOptions))
  };
}
var asState = (data) => isStateData(data) ? data : void 0;
var sessionFailure = (err) => {
  throw storeFailure(err, "session");
};
function storeLock(store, id, fn, o) {
  return store.withLock ? store.withLock(id, fn, o) : fn();
}
var RefreshShare = class {
  #coordinator;
  #sealer;
  #ttl;
  /** @param ttlSeconds how long waiters can pick the answer up. */
  constructor(coordinator, secrets, ttlSeconds) {
    this.#coordinator = coordinator;
    this.#sealer = createSealer(secrets, "refresh-share");
    this.#ttl = ttlSeconds;
  }
  /** The answer another process got for this session's refresh token and `query`, if it shared one. */
  async find(state, query) {
    const sealed = await this.#coordinator.shared(lockKey(state), await nameOf(state, query));
    if (sealed === void 0) return void 0;
    const opened = await this.#sealer.unseal(sealed);
    if (!opened.ok) return void 0;
    const answer = opened.payload["a"];
    return isTokenAnswer(answer) ? answer : void 0;
  }
  /** Shares the answer to `state`'s refresh (call it under the session's coordinator lock). */
  async publish(state, query, answer) {
    const sealed = await this.#sealer.seal({ a: { ...answer } }, this.#ttl);
    await this.#coordinator.share(lockKey(state), await nameOf(state, query), sealed, this.#ttl);
  }
};
function lockKey(state) {
  return `session:${state.internal.sid}`;
}
async function nameOf(state, query) {
  const text = `${state.refreshToken ?? ""}\0${query.audience}\0${[...scopesOf(query.scope)].sort().join(" ")}`;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return base64url.encode(new Uint8Array(digest));
}
function isTokenAnswer(value) {
  return isRecord(value) && isRecord(value.tokens) && typeof value.tokens.accessToken === "string" && typeof value.tokens.expiresAt === "number";
}

// src/http/fetch.ts
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([429, 500, 502, 503, 504]);
var MAX_RETRY_AFTER_SECONDS = 5;
function createFunnelFetch(options) {
  const retries = options.retries ?? 2;
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const once = (url, init) => exchange(options.fetch, url, init, options.timeoutMs);
  return async (url, init) => {
    const method = (init.method ?? "GET").toUpperCase();
    if (method !== "GET") return once(url, init);
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await once(url, init);
      } catch (err) {
        if (attempt >= retries || !(err instanceof RequestError) || init.signal?.aborted) throw err;
      }
      if (response && (!RETRYABLE_STATUS.has(response.status) || attempt >= retries)) return response;
      const retryAfter = response ? parseRetryAfter(response.headers.get("retry-after")) : void 0;
      if (retryAfter !== void 0 && retryAfter > MAX_RETRY_AFTER_SECONDS && response) return response;
      await sleep(retryAfter !== void 0 ? retryAfter * 1e3 : 100 * 2 ** attempt);
    }
  };
}
async function exchange(fetchImpl, url, init, timeoutMs) {
  const controller = new AbortController();
  const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new RequestError(
          "request_timeout",
          `No complete answer from ${describe(url)} within ${timeoutMs} ms`
        )
      );
    }, timeoutMs);
  });
  try {
    const work = (async () => {
      const response = await fetchImpl(url, { ...init, signal });
      const body = await response.arrayBuffer();
      return new Response(body.byteLength === 0 && nullBodyStatus(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      });
    })();
    work.catch(() => void 0);
    return await Promise.race([work, deadline]);
  } catch (err) {
    if (err instanceof RequestError) throw err;
    if (init.signal?.aborted) throw init.signal.reason;
    throw new RequestError(
      "request_failed",
      `Could not reach ${describe(url)}`,
      {},
      { cause: networkCause(err) }
    );
  } finally {
    clearTimeout(timer);
  }
}
function nullBodyStatus(status) {
  return status === 101 || status === 204 || status === 205 || status === 304;
}
function describe(url) {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return "the authorization server";
  }
}
function networkCause(err) {
  const inner = err instanceof Error ? err.cause : void 0;
  const code = typeof inner === "object" && inner !== null && "code" in inner && typeof inner.code === "string" ? inner.code : err instanceof Error && "code" in err && typeof err.code === "string" ? err.code : void 0;
  const copy = new Error(code === void 0 ? "The request failed" : `The request failed (${code})`);
  copy.name = err instanceof Error ? err.name : "Error";
  return copy;
}
function parseRetryAfter(value) {
  if (value === null) return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  if (Number.isNaN(at)) return void 0;
  return Math.max(0, Math.ceil((at - Date.now()) / 1e3));
}
function createClientAuth(options) {
  switch (options.method) {
    case "client_secret_post":
    case "client_secret_basic": {
      const secret = required(options.clientSecret);
      return {
        auth: (options.method === "client_secret_post" ? oauth3.ClientSecretPost : oauth3.ClientSecretBasic)(
          secret
        ),
        bodyFields: async (_as, client) => ({ client_id: client.client_id, client_secret: secret })
      };
    }
    case "private_key_jwt": {
      const alg = options.clientAssertionSigningAlg ?? "RS256";
      const source = options.clientAssertionSigningKey;
      if (source === void 0)
        throw argumentError(
          '"clientAssertionSigningKey" is required for private_key_jwt',
          "ERR_INVALID_ARG_TYPE"
        );
      let key;
      const auth = async (as, client, body, headers) => {
        key ??= typeof source === "string" ? importPKCS8(source, alg) : Promise.resolve(source);
        return oauth3.PrivateKeyJwt(await key)(as, client, body, headers);
      };
      return {
        auth,
        // A fresh assertion (its own jti and expiry) for each request, as the token endpoint gets.
        async bodyFields(as, client) {
          const body = new URLSearchParams();
          await auth(as, client, body, new Headers());
          return Object.fromEntries(body);
        }
      };
    }
  }
}
function required(secret) {
  if (secret === void 0)
    throw argumentError('"clientSecret" is required for this client authentication', "ERR_INVALID_ARG_TYPE");
  return secret;
}
function createDiscovery(issuer, call, run) {
  let metadata;
  return () => {
    if (!metadata) {
      const pending = run(async () => {
        const res = await oauth3.discoveryRequest(issuer, { ...call, algorithm: "oidc" });
        return oauth3.processDiscoveryResponse(issuer, res);
      });
      metadata = pending;
      pending.catch(() => {
        if (metadata === pending) metadata = void 0;
      });
    }
    return metadata;
  };
}
var JWKS_CACHE_MAX_AGE = 10 * 6e4;
var JWKS_COOLDOWN = 3e4;
function createKeyResolver(jwksUri, fetch, options = {}) {
  const fetchJwks = async (url, init) => {
    const res = await fetch(url, { method: "GET", headers: init.headers, redirect: init.redirect });
    const text = await res.text();
    if (res.status !== 200 || !isJwks(text)) {
      throw new RequestError("invalid_response", `${describe(url)} did not answer a JSON Web Key Set`, {
        status: res.status
      });
    }
    return new Response(text, { status: 200, headers: { "content-type": "application/json" } });
  };
  let remote;
  const keySet = () => {
    if (!remote) {
      const pending = jwksUri().then(
        (uri) => createRemoteJWKSet(new URL(uri), {
          cacheMaxAge: options.cacheMaxAge ?? JWKS_CACHE_MAX_AGE,
          cooldownDuration: options.cooldown ?? JWKS_COOLDOWN,
          [customFetch]: fetchJwks
        })
      );
      pending.catch(() => {
        if (remote === pending) remote = void 0;
      });
      remote = pending;
    }
    return remote;
  };
  const ready = async () => {
    try {
      const set = await keySet();
      if (!set.fresh) await set.reload();
    } catch (err) {
      if (err instanceof Auth0Error) throw err;
      throw new RequestError("invalid_response", "The JSON Web Key Set could not be loaded", void 0, {
        cause: err
      });
    }
  };
  const getKey = async (header, token) => (await keySet())(header, token);
  return Object.assign(getKey, { ready });
}
function isJwks(text) {
  try {
    const parsed = JSON.parse(text);
    return isRecord(parsed) && Array.isArray(parsed.keys);
  } catch {
    return false;
  }
}
async function errorAnswerOf(err) {
  if (err instanceof oauth3.ResponseBodyError) return errorAnswer(err.status, err.cause, err.response.headers);
  if (!(err instanceof oauth3.OperationProcessingError) || !(err.cause instanceof Response) || err.cause.ok) {
    return void 0;
  }
  const res = err.cause;
  if (res.bodyUsed) return void 0;
  const text = await res.clone().text().catch(() => "");
  return errorAnswer(res.status, parseJson(text), res.headers);
}
function errorAnswer(status, body, headers) {
  if (!isRecord(body) || typeof body.error !== "string") return void 0;
  return {
    body,
    answer: {
      error: body.error,
      errorDescription: typeof body.error_description === "string" ? body.error_description : void 0,
      status,
      retryAfter: parseRetryAfter(headers.get("retry-after"))
    }
  };
}
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function normalizeError(err, invalidGrant = "server_error") {
  if (err instanceof Auth0Error) return err;
  if (err instanceof oauth3.ResponseBodyError) {
    return fromErrorAnswer(
      errorAnswer(err.status, err.cause, err.response.headers) ?? {
        body: err.cause,
        answer: { status: err.status }
      },
      invalidGrant
    );
  }
  if (err instanceof oauth3.WWWAuthenticateChallengeError) {
    const challenge2 = err.cause[0];
    return new ServerError("The authorization server refused the request", {
      error: challenge2?.parameters.error,
      errorDescription: challenge2?.parameters.error_description,
      status: err.status
    });
  }
  if (err instanceof oauth3.OperationProcessingError) {
    if (err.code === oauth3.JWT_CLAIM_COMPARISON || err.code === oauth3.JWT_TIMESTAMP_CHECK || isIdTokenShapeError(err)) {
      const claim = claimOf(err.cause) ?? /JWT "(\w+)"/.exec(err.message)?.[1];
      return new IdTokenValidationError(`ID token validation failed: ${err.message}`, claim, {
        cause: sanitize(err)
      });
    }
    const status = err.cause instanceof Response ? err.cause.status : void 0;
    return new RequestError(
      "invalid_response",
      status === void 0 ? `The authorization server's answer could not be used: ${err.message}` : `The authorization server answered HTTP ${status} with no usable body`,
      { status },
      { cause: sanitize(err) }
    );
  }
  if (isAbort(err)) return aborted(err);
  return new RequestError(
    "invalid_response",
    "The authorization server's answer could not be used",
    {},
    {
      cause: sanitize(err)
    }
  );
}
function fromErrorAnswer({ answer }, invalidGrant = "server_error") {
  if (answer.error === "invalid_grant" && invalidGrant === "login_required") {
    return new LoginRequiredError("The refresh token was rejected; the user must log in again", answer);
  }
  return new ServerError(
    `The authorization server answered ${answer.error ?? `HTTP ${answer.status}`}${answer.errorDescription ? `: ${answer.errorDescription}` : ""}`,
    answer
  );
}
function isAbort(err) {
  return err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError");
}
function aborted(reason) {
  return new RequestError("request_aborted", "The operation was aborted", {}, { cause: sanitize(reason) });
}
function isIdTokenShapeError(err) {
  return err.code === oauth3.INVALID_RESPONSE && isRecord(err.cause) && ("claims" in err.cause || "header" in err.cause);
}
function claimOf(cause) {
  return isRecord(cause) && typeof cause.claim === "string" ? cause.claim : void 0;
}

// src/http/json.ts
function jsonInit(request, body) {
  const headers = new Headers({ accept: "application/json" });
  if (request.bearer !== void 0) headers.set("authorization", `Bearer ${request.bearer}`);
  if (body !== void 0) headers.set("content-type", "application/json");
  return {
    method: request.method,
    headers,
    redirect: "manual",
    ...body === void 0 ? {} : { body: JSON.stringify(body) }
  };
}
async function readJson(res, url) {
  const text = await res.text();
  const parsed = parseJson(text);
  if (res.ok) {
    if (text === "") return { value: void 0 };
    if (parsed === void 0) {
      throw new RequestError("invalid_response", `${describe(url)} answered with a body that is not JSON`, {
        status: res.status
      });
    }
    return { value: parsed };
  }
  const error = errorAnswer(res.status, parsed, res.headers);
  if (error) return { error };
  throw new RequestError("invalid_response", `${describe(url)} answered HTTP ${res.status}`, {
    status: res.status
  });
}
function oauthCallOptions(issuer, fetch) {
  return {
    [oauth3.customFetch]: fetch,
    ...issuer.protocol === "http:" ? { [oauth3.allowInsecureRequests]: true } : {}
  };
}
var Transport = class {
  /** The oauth4webapi client: the client id and the clock tolerance. */
  client;
  /**
   * The server's signing keys, for jose's `jwtVerify`: refetched after 10 minutes, so a removed key
   * stops verifying, and once for an unknown `kid` (at most every 30 s). `keys.ready()` loads them
   * ahead of a grant that spends a one-time credential.
   */
  keys;
  /** The authorization server's metadata, discovered once. */
  metadata;
  /** The options object that routes an oauth4webapi call through the funnel. */
  call;
  #options;
  constructor(options) {
    this.#options = options;
    this.client = { client_id: options.clientId, [oauth3.clockTolerance]: options.clockTolerance };
    this.call = oauthCallOptions(options.issuer, options.fetch);
    this.metadata = createDiscovery(options.issuer, this.call, (operation) => this.#run(operation));
    this.keys = createKeyResolver(
      async () => {
        const { jwks_uri: jwksUri } = await this.metadata();
        if (!jwksUri) throw new RequestError("invalid_response", "The discovery document has no jwks_uri");
        return jwksUri;
      },
      (url, init) => this.#run(() => options.fetch(url, init)),
      options.jwks
    );
  }
  /** Seconds of clock skew tolerated on JWT time claims. */
  get clockTolerance() {
    return this.#options.clockTolerance;
  }
  /** The issuer identifier, with its trailing slash. */
  get issuer() {
    return this.#options.issuer;
  }
  /** The client authentication, for oauth4webapi's token, PAR and revocation requests. */
  get clientAuth() {
    return this.#options.clientAuth.auth;
  }
  /**
   * Runs an oauth4webapi request and its processing, mapping every failure to this SDK's errors.
   * `invalidGrant` says whether an `invalid_grant` means the user must log in again.
   */
  async run(operation, options = {}) {
    const as = await this.metadata();
    return this.#run(() => operation(as), options);
  }
  /**
   * Calls one of Auth0's JSON endpoints that discovery does not list (the MFA API), relative to the
   * issuer. Answers 204 as `undefined`; an error body becomes the matching SDK error.
   */
  async json(path, request, options = {}) {
    const as = await this.metadata();
    const url = new URL(path.replace(/^\//, ""), this.#options.issuer).href;
    let body = request.body;
    if (request.authenticate) {
      const fields = await this.#options.clientAuth.bodyFields(as, this.client);
      body = { client_id: this.#options.clientId, ...fields, ...body };
    }
    const res = await this.#run(() => this.#options.fetch(url, jsonInit(request, body)), options);
    const read = await readJson(res, url);
    if ("error" in read) throw await this.#mapAnswer(read.error, options);
    return read.value;
  }
  /** Runs `operation`, passing every failure through the one error funnel. */
  async #run(operation, options = {}) {
    try {
      return await operation();
    } catch (err) {
      const answer = await errorAnswerOf(err);
      throw answer ? await this.#mapAnswer(answer, options) : normalizeError(err, options.invalidGrant);
    }
  }
  /** An error answer as the hook makes it, else as the default mapping does. */
  async #mapAnswer(answer, options) {
    return await this.#options.onErrorAnswer?.(answer, options.binding) ?? fromErrorAnswer(answer, options.invalidGrant);
  }
};

// src/mfa/approval.ts
var SLOW_DOWN_STEP_MS = 5e3;
var DEFAULT_INTERVAL_MS = 5e3;
async function pollForApproval(attempt, options) {
  const { signal } = options;
  let interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const deadline = options.timeoutMs === void 0 ? void 0 : Date.now() + options.timeoutMs;
  for (; ; ) {
    if (signal?.aborted) throw aborted(signal.reason);
    let last;
    try {
      return await abortable(attempt(), signal);
    } catch (err) {
      if (!(err instanceof ServerError)) throw err;
      if (err.error === "slow_down") interval += SLOW_DOWN_STEP_MS;
      else if (err.error !== "authorization_pending") throw err;
      last = err;
    }
    if (deadline !== void 0 && Date.now() + interval > deadline) {
      throw new RequestError(
        "request_timeout",
        `The push notification was not answered within ${options.timeoutMs} ms`,
        { error: last.error, errorDescription: last.errorDescription, status: last.status }
      );
    }
    await delay(interval, signal);
  }
}
function abortable(work, signal) {
  if (!signal) return work;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(aborted(signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted(signal?.reason));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
var GRANT = {
  otp: "http://auth0.com/oauth/grant-type/mfa-otp",
  oob: "http://auth0.com/oauth/grant-type/mfa-oob",
  recoveryCode: "http://auth0.com/oauth/grant-type/mfa-recovery-code"
};
async function mfaGrant(transport, rawMfaToken, credential, sent, binding) {
  const params = new URLSearchParams({ mfa_token: rawMfaToken });
  switch (credential.kind) {
    case "otp":
      params.set("otp", credential.otp);
      break;
    case "oob":
      params.set("oob_code", credential.oobCode);
      if (credential.bindingCode !== void 0) params.set("binding_code", credential.bindingCode);
      break;
    case "recoveryCode":
      params.set("recovery_code", credential.recoveryCode);
      break;
  }
  if (sent.audience !== void 0) params.set("audience", sent.audience);
  if (sent.scope !== void 0) params.set("scope", sent.scope);
  await transport.keys.ready();
  return transport.run(
    async (as) => {
      const res = await oauth3.genericTokenEndpointRequest(
        as,
        transport.client,
        transport.clientAuth,
        GRANT[credential.kind],
        params,
        transport.call
      );
      return oauth3.processGenericTokenEndpointResponse(as, transport.client, res);
    },
    { binding }
  );
}

// src/mfa/factors.ts
var FACTORS = {
  otp: { requirement: "otp", authenticatorType: "otp" },
  sms: { requirement: "phone", authenticatorType: "oob", oobChannel: "sms" },
  voice: { requirement: "phone", authenticatorType: "oob", oobChannel: "voice" },
  email: { requirement: "email", authenticatorType: "oob", oobChannel: "email" },
  push: { requirement: "push-notification", authenticatorType: "oob", oobChannel: "auth0" },
  "recovery-code": { requirement: "recovery-code", authenticatorType: "recovery-code" }
};
var ENROLLABLE = ["otp", "sms", "voice", "email", "push"];
function isFactorType(value) {
  return ENROLLABLE.some((f) => f === value);
}
function associationOf(factor) {
  const shape = FACTORS[factor];
  return shape.oobChannel === void 0 ? { authenticatorType: "otp" } : { authenticatorType: "oob", oobChannel: shape.oobChannel };
}
function requirementOf(authenticator) {
  const match = Object.values(FACTORS).find(
    (shape) => shape.authenticatorType === authenticator.authenticatorType && (shape.authenticatorType !== "oob" || shape.oobChannel === authenticator.oobChannel)
  );
  return match?.requirement;
}
function filterByRequirements(authenticators, requirements) {
  if (!requirements || requirements.length === 0) return [...authenticators];
  const wanted = new Set(requirements.map((r) => r.type));
  return authenticators.filter((a) => {
    const requirement = requirementOf(a);
    return requirement !== void 0 && wanted.has(requirement);
  });
}
function factorsFor(requirement) {
  return ENROLLABLE.filter((f) => FACTORS[f].requirement === requirement);
}

// src/mfa/wire.ts
function malformed(what) {
  return new RequestError("invalid_response", `The MFA API answered ${what} in an unexpected shape`);
}
var str = (value) => typeof value === "string" ? value : void 0;
var strings = (value) => Array.isArray(value) && value.every((v) => typeof v === "string") ? [...value] : void 0;
function channelOf(body) {
  return str(body.oob_channel) ?? strings(body.oob_channels)?.[0];
}
function parseAuthenticators(body) {
  if (!Array.isArray(body)) throw malformed("the authenticator list");
  return body.map((item) => {
    if (!isRecord(item)) throw malformed("the authenticator list");
    const id = str(item.id);
    const authenticatorType = str(item.authenticator_type);
    if (id === void 0 || authenticatorType === void 0) throw malformed("the authenticator list");
    const out = { id, authenticatorType, active: item.active === true };
    const oobChannel = channelOf(item);
    if (oobChannel !== void 0) out.oobChannel = oobChannel;
    const name = str(item.name);
    if (name !== void 0) out.name = name;
    return out;
  });
}
function parseEnrollment(body) {
  if (!isRecord(body)) throw malformed("the enrollment");
  const recoveryCodes = strings(body.recovery_codes);
  const barcodeUri = str(body.barcode_uri);
  if (body.authenticator_type === "otp") {
    const secret = str(body.secret);
    if (secret === void 0 || barcodeUri === void 0) throw malformed("the enrollment");
    return { authenticatorType: "otp", secret, barcodeUri, ...recoveryCodes && { recoveryCodes } };
  }
  const oobChannel = channelOf(body);
  if (body.authenticator_type !== "oob" || oobChannel === void 0) throw malformed("the enrollment");
  const oobCode = str(body.oob_code);
  const bindingMethod = str(body.binding_method);
  return {
    authenticatorType: "oob",
    oobChannel,
    ...oobCode !== void 0 && { oobCode },
    ...bindingMethod !== void 0 && { bindingMethod },
    ...barcodeUri !== void 0 && { barcodeUri },
    ...recoveryCodes && { recoveryCodes }
  };
}
function parseChallenge(body) {
  if (!isRecord(body)) throw malformed("the challenge");
  const challengeType = str(body.challenge_type);
  if (challengeType === void 0) throw malformed("the challenge");
  const oobCode = str(body.oob_code);
  const bindingMethod = str(body.binding_method);
  const expiresIn = typeof body.expires_in === "number" ? body.expires_in : void 0;
  return {
    challengeType,
    ...oobCode !== void 0 && { oobCode },
    ...bindingMethod !== void 0 && { bindingMethod },
    ...expiresIn !== void 0 && { expiresIn }
  };
}

// src/mfa/operations.ts
async function listAuthenticators(transport, context) {
  const body = await transport.json("/mfa/authenticators", { method: "GET", bearer: context.mfaToken });
  return filterByRequirements(parseAuthenticators(body), context.mfaRequirements?.challenge);
}
function enrollmentFactors(context) {
  return (context.mfaRequirements?.enroll ?? []).map((r) => ({
    type: r.type,
    factorTypes: factorsFor(r.type)
  }));
}
async function enroll(transport, context, options) {
  const { authenticatorType, oobChannel } = associationOf(options.factorType);
  const body = { authenticator_types: [authenticatorType] };
  if (oobChannel !== void 0) body.oob_channels = [oobChannel];
  if (options.phoneNumber !== void 0) body.phone_number = options.phoneNumber;
  if (options.email !== void 0) body.email = options.email;
  const answer = await transport.json("/mfa/associate", {
    method: "POST",
    bearer: context.mfaToken,
    authenticate: true,
    body
  });
  return parseEnrollment(answer);
}
async function challenge(transport, context, options) {
  const body = {
    mfa_token: context.mfaToken,
    challenge_type: options.challengeType
  };
  if (options.authenticatorId !== void 0) body.authenticator_id = options.authenticatorId;
  const answer = await transport.json("/mfa/challenge", { method: "POST", authenticate: true, body });
  return parseChallenge(answer);
}
async function removeAuthenticator(transport, authenticatorId, accessToken) {
  await transport.json(`/mfa/authenticators/${encodeURIComponent(authenticatorId)}`, {
    method: "DELETE",
    bearer: accessToken
  });
}
function mfaApiAudience(transport) {
  return new URL("mfa/", transport.issuer).href;
}

// src/lib/untrusted.ts
var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function untrustedText(value, max) {
  return value.replace(UNSAFE, "").slice(0, max);
}
async function verifyIdTokenSignature(transport, idToken) {
  try {
    const { payload } = await jwtVerify(idToken, transport.keys, {
      issuer: transport.issuer.href,
      audience: transport.client.client_id,
      clockTolerance: transport.clockTolerance
    });
    if (payload.azp !== void 0 && payload.azp !== transport.client.client_id) {
      throw new IdTokenValidationError("ID token validation failed: it was issued to another client", "azp");
    }
    if (typeof payload.iat === "number" && payload.iat > Date.now() / 1e3 + transport.clockTolerance) {
      throw new IdTokenValidationError('ID token validation failed: "iat" is in the future', "iat");
    }
    return payload;
  } catch (err) {
    if (err instanceof Auth0Error) throw err;
    const claim = isRecord(err) && typeof err.claim === "string" ? err.claim : void 0;
    const reason = err instanceof errors.JWKSNoMatchingKey ? noMatchingKey(idToken) : err instanceof Error ? err.message : "unknown failure";
    throw new IdTokenValidationError(`ID token validation failed: ${reason}`, claim);
  }
}
function noMatchingKey(idToken) {
  let kid;
  try {
    kid = decodeProtectedHeader(idToken).kid;
  } catch {
    kid = void 0;
  }
  const named = typeof kid === "string" && /^[\w.~-]{1,128}$/.test(kid) ? `with kid "${kid}" ` : "";
  return `no key ${named}in the JWKS (did the server's signing keys change? the key set is fetched again for an unknown kid at most every ${JWKS_COOLDOWN / 1e3} s)`;
}

// src/protocol/callback.ts
var STATE_SHAPE = /^[A-Za-z0-9_-]{1,128}$/;
var MAX_ERROR_LENGTH = 128;
var MAX_DESCRIPTION_LENGTH = 512;
function wellFormedState(url) {
  const state = url.searchParams.get("state");
  return state !== null && STATE_SHAPE.test(state) ? state : void 0;
}
function callbackState(url) {
  const error = url.searchParams.get("error");
  if (error !== null) {
    const description = url.searchParams.get("error_description");
    throw new CallbackError(
      "invalid_callback",
      "The authorization server answered the login with an error (see the error and errorDescription fields)",
      {
        error: untrustedText(error, MAX_ERROR_LENGTH),
        errorDescription: description === null ? void 0 : untrustedText(description, MAX_DESCRIPTION_LENGTH)
      }
    );
  }
  const state = wellFormedState(url);
  if (state === void 0) {
    throw new CallbackError(
      "invalid_callback",
      url.searchParams.has("state") ? "The callback URL has a malformed state parameter" : "The callback URL has no state parameter"
    );
  }
  return state;
}
async function exchangeCode(transport, url, transaction) {
  const as = await transport.metadata();
  let parameters;
  try {
    parameters = oauth3.validateAuthResponse(
      as,
      transport.client,
      url,
      transaction.state ?? oauth3.skipStateCheck
    );
  } catch (err) {
    const reason = err instanceof Error ? err.message : "invalid callback";
    throw new CallbackError(
      "invalid_callback",
      `The callback URL is not a valid authorization response: ${reason}`
    );
  }
  const redirectUri = transaction.redirectUri ?? `${url.origin}${url.pathname}`;
  await transport.keys.ready();
  const response = await transport.run(async (server) => {
    const res = await oauth3.authorizationCodeGrantRequest(
      server,
      transport.client,
      transport.clientAuth,
      parameters,
      redirectUri,
      transaction.codeVerifier,
      transport.call
    );
    return oauth3.processAuthorizationCodeResponse(server, transport.client, res, {
      expectedNonce: transaction.nonce ?? oauth3.expectNoNonce,
      maxAge: transaction.maxAge ?? oauth3.skipAuthTimeCheck,
      requireIdToken: true
    });
  });
  const claims = await validatedClaims(transport, response);
  if (!claims) throw new CallbackError("invalid_callback", "The token endpoint answered without an ID token");
  return { response, claims };
}
async function validatedClaims(transport, response) {
  const claims = oauth3.getValidatedIdTokenClaims(response);
  if (!claims || response.id_token === void 0) return void 0;
  await verifyIdTokenSignature(transport, response.id_token);
  return { ...claims };
}

// src/mfa/persist.ts
async function persistMfaTokens(transport, sessions, response, target, storeOptions) {
  const answer = {
    tokens: {
      accessToken: response.access_token,
      expiresAt: target.expiresAt,
      idToken: response.id_token,
      refreshToken: response.refresh_token,
      scope: response.scope
    },
    claims: await validatedClaims(transport, response)
  };
  await sessions.update((current) => mfaGranted(current, answer, target), storeOptions);
}

// src/mfa/validate.ts
var E164 = /^\+[1-9]\d{6,14}$/;
function enrollmentOf(options) {
  const factorType = factorTypeOf(options?.factorType);
  const { phoneNumber, email } = options;
  if (factorType === "sms" || factorType === "voice") {
    if (typeof phoneNumber !== "string" || !E164.test(phoneNumber)) {
      throw argumentError('"phoneNumber" must be an E.164 number such as +14155550100');
    }
  } else if (phoneNumber !== void 0) {
    throw argumentError(`"phoneNumber" is only for sms and voice, not ${factorType}`);
  }
  if (factorType === "email") {
    if (typeof email !== "string" || !/^[^\s@]+@[^\s@]+$/.test(email)) {
      throw argumentError('"email" must be an email address');
    }
  } else if (email !== void 0) {
    throw argumentError(`"email" is only for the email factor, not ${factorType}`);
  }
  return {
    factorType,
    ...phoneNumber !== void 0 && { phoneNumber },
    ...email !== void 0 && { email }
  };
}
function factorTypeOf(value) {
  if (!isFactorType(value)) throw argumentError('"factorType" must be one of otp, sms, voice, email, push');
  return value;
}
function challengeTypeOf(value) {
  if (value !== "otp" && value !== "oob") throw argumentError('"challengeType" must be "otp" or "oob"');
  return value;
}
function credentialOf(options) {
  for (const field of ["audience", "scope"]) {
    if (options?.[field] !== void 0) requireString(options[field], field);
  }
  const given = ["otp", "oobCode", "recoveryCode"].filter((f) => options?.[f] !== void 0);
  if (given.length !== 1) {
    throw argumentError('exactly one of "otp", "oobCode" or "recoveryCode" must be given');
  }
  if (options.otp !== void 0) {
    requireString(options.otp, "otp");
    return { kind: "otp", otp: options.otp };
  }
  if (options.oobCode !== void 0) {
    requireString(options.oobCode, "oobCode");
    if (options.bindingCode !== void 0) requireString(options.bindingCode, "bindingCode");
    return { kind: "oob", oobCode: options.oobCode, bindingCode: options.bindingCode };
  }
  requireString(options.recoveryCode, "recoveryCode");
  return { kind: "recoveryCode", recoveryCode: options.recoveryCode };
}
function checkPollOptions(options) {
  requireString(options?.oobCode, "oobCode");
  for (const field of ["intervalMs", "timeoutMs"]) {
    nonNegativeNumber(options[field], field, 0, "milliseconds");
  }
}

// src/mfa/client.ts
var MfaClient = class {
  #deps;
  /** Built by the ServerClient, as `client.mfa`. */
  constructor(options) {
    this.#deps = options;
  }
  /**
   * Encrypts a raw mfa token, bound to this client, the issuer and the current session if any.
   *
   * @throws {TypeError} when `mfaToken` is not a non-empty string.
   * @example
   * ```ts
   * const sealed = await client.mfa.encryptMfaToken({ mfaToken: raw, audience }, storeOptions);
   * ```
   */
  async encryptMfaToken(input, storeOptions) {
    requireString(input?.mfaToken, "mfaToken");
    return this.#deps.tokens.encrypt(input, bindingOf(await this.#deps.sessions.get(storeOptions)));
  }
  /**
   * Decrypts an encrypted mfa token and checks its expiry (1 s tolerance) and what it is bound to.
   *
   * @throws {MfaTokenExpiredError} `mfa_token_expired`; {@link MfaTokenInvalidError} `mfa_token_invalid`.
   * @example
   * ```ts
   * const { audience, mfaRequirements } = await client.mfa.decryptMfaToken(err.mfaToken, storeOptions);
   * ```
   */
  async decryptMfaToken(token, storeOptions) {
    if (typeof token !== "string" || token === "") throw new MfaTokenInvalidError("No mfa token was given");
    return this.#deps.tokens.decrypt(token, bindingOf(await this.#deps.sessions.get(storeOptions)));
  }
  /**
   * Lists the user's authenticators, narrowed to the factors the challenge requirements name.
   *
   * @throws {ServerError} `server_error`, with the server's `error` (`invalid_token`, ...).
   * @example
   * ```ts
   * const authenticators = await client.mfa.listAuthenticators({ mfaToken }, storeOptions);
   * ```
   */
  async listAuthenticators(options, storeOptions) {
    return listAuthenticators(this.#deps.transport, await this.#open(options, storeOptions));
  }
  /**
   * The factors the user must enroll (`mfa_requirements.enroll`), each with the `factorType`s of
   * {@link enrollAuthenticator} that satisfy it. No network.
   *
   * @example
   * ```ts
   * const factors = await client.mfa.getEnrollmentFactors({ mfaToken }, storeOptions);
   * ```
   */
  async getEnrollmentFactors(options, storeOptions) {
    return enrollmentFactors(await this.#open(options, storeOptions));
  }
  /**
   * Enrolls a factor: an authenticator app (`otp`), `sms` or `voice` to `phoneNumber`, `email`, or
   * Guardian `push`. Confirm it with {@link verify} (OTP code, or the returned `oobCode`).
   *
   * @throws {TypeError} naming `factorType`, `phoneNumber` or `email` when missing or malformed.
   * @throws {ServerError} `server_error`, with the server's `error`.
   * @example
   * ```ts
   * const { barcodeUri } = await client.mfa.enrollAuthenticator({ mfaToken, factorType: 'otp' }, storeOptions);
   * ```
   */
  async enrollAuthenticator(options, storeOptions) {
    const factor = enrollmentOf(options);
    return enroll(this.#deps.transport, await this.#open(options, storeOptions), factor);
  }
  /**
   * Deletes an authenticator. Without `accessToken`, gets one for the MFA API (audience
   * `https://{domain}/mfa/`, scope `remove:authenticators`) through the session.
   *
   * @throws {TypeError} naming `authenticatorId`, or when no access token can be obtained.
   * @throws {ServerError} `server_error`, with the server's `error` (404, 401, ...).
   * @throws {MfaRequiredError} `mfa_required` when getting the MFA API token needs MFA itself.
   * @example
   * ```ts
   * await client.mfa.deleteAuthenticator({ authenticatorId: 'sms|dev_123' }, storeOptions);
   * ```
   */
  async deleteAuthenticator(options, storeOptions) {
    requireString(options?.authenticatorId, "authenticatorId");
    let accessToken = options.accessToken;
    if (accessToken === void 0) {
      const { getAccessToken: getAccessToken2 } = this.#deps;
      if (!getAccessToken2)
        throw argumentError(
          '"accessToken" is required: this MfaClient has no session access',
          "ERR_INVALID_ARG_TYPE"
        );
      const audience = mfaApiAudience(this.#deps.transport);
      ({ accessToken } = await getAccessToken2({ audience, scope: "remove:authenticators" }, storeOptions));
    }
    requireString(accessToken, "accessToken");
    await removeAuthenticator(this.#deps.transport, options.authenticatorId, accessToken);
  }
  /**
   * Asks the server to challenge an authenticator: sends the SMS, voice call, email or push, and
   * returns the `oobCode` to verify with. OTP needs no challenge.
   *
   * @throws {TypeError} naming `challengeType`.
   * @throws {ServerError} `server_error` (`unsupported_challenge_type`, `association_required`, ...).
   * @example
   * ```ts
   * const { oobCode } = await client.mfa.challengeAuthenticator({ mfaToken, challengeType: 'oob', authenticatorId }, storeOptions);
   * ```
   */
  async challengeAuthenticator(options, storeOptions) {
    const challengeType = challengeTypeOf(options?.challengeType);
    if (options.authenticatorId !== void 0) requireString(options.authenticatorId, "authenticatorId");
    const context = await this.#open(options, storeOptions);
    return challenge(this.#deps.transport, context, {
      challengeType,
      ...options.authenticatorId !== void 0 && { authenticatorId: options.authenticatorId }
    });
  }
  /**
   * Completes the MFA with an OTP, an OOB code (and binding code) or a recovery code, sending the
   * bound audience and scope. With `persist` (default) the tokens go into the session under that
   * audience, a rotated refresh token is kept, and after a first login the session is created from
   * the verified ID token. A wrong code changes nothing.
   *
   * @throws {TypeError} unless exactly one of `otp`, `oobCode`, `recoveryCode` is given, or naming an
   *   `audience` / `scope` override that is not a non-empty string.
   * @throws {MfaRequiredError} `mfa_required`: a further factor is needed (chained MFA); bound the same way.
   * @throws {ServerError} `server_error` with `error` `invalid_grant`, `expired_token`, `too_many_attempts`
   * (with `retryAfter`), `authorization_pending`, `slow_down`.
   * @throws {IdTokenValidationError} `id_token_invalid` when creating the session, or
   *   `id_token_user_mismatch` when the ID token names another user or issuer than the session's.
   * @throws {MfaTokenInvalidError} `mfa_token_invalid` also when a token sealed without a session is
   *   verified inside one and the answer has no ID token to show it is the same user.
   * @example
   * ```ts
   * const result = await client.mfa.verify({ mfaToken, otp: '123456' }, storeOptions);
   * ```
   */
  async verify(options, storeOptions) {
    const credential = credentialOf(options);
    const context = await this.#open(options, storeOptions);
    const audience = options.audience ?? context.audience ?? this.#deps.defaultAudience ?? DEFAULT_AUDIENCE;
    const scope = options.scope ?? context.scope;
    const binding = { audience, scope, session: context.session };
    const sent = { audience: audienceToSend(audience), scope };
    const response = await mfaGrant(this.#deps.transport, context.mfaToken, credential, sent, binding);
    const result = { ...toTokenResponse(response), audience };
    const grantedScope = result.scope ?? scope;
    if (grantedScope !== void 0) result.scope = grantedScope;
    if (typeof response.recovery_code === "string") result.recoveryCode = response.recovery_code;
    if (options.persist ?? true) {
      const target = { audience, scope, expiresAt: result.expiresAt, sessionBound: !!context.session };
      await persistMfaTokens(this.#deps.transport, this.#deps.sessions, response, target, storeOptions);
    }
    return result;
  }
  /**
   * Waits for the user to approve a push: polls {@link verify} with the `oobCode`, every `intervalMs`
   * (default 5000, +5000 after each `slow_down`), until approved, rejected (`invalid_grant`), the
   * challenge expires (`expired_token`), `timeoutMs` passes or `signal` aborts.
   * An abort during a poll returns at once; that poll's answer, if it is the approval, is still stored.
   *
   * @throws {ServerError} `server_error` with `error` `invalid_grant` (rejected) or `expired_token`.
   * @throws {RequestError} `request_timeout` when the next poll would fall after `timeoutMs`.
   * @throws {RequestError} `request_aborted` at once when `signal` aborts (its reason as `cause`).
   * @example
   * ```ts
   * const result = await client.mfa.waitForApproval({ mfaToken, oobCode, timeoutMs: 60_000 }, storeOptions);
   * ```
   */
  async waitForApproval(options, storeOptions) {
    checkPollOptions(options);
    const { mfaToken, oobCode, persist, audience, scope } = options;
    return pollForApproval(
      () => this.verify(
        {
          mfaToken,
          oobCode,
          ...persist !== void 0 && { persist },
          ...audience !== void 0 && { audience },
          ...scope !== void 0 && { scope }
        },
        storeOptions
      ),
      options
    );
  }
  /** The checked context of the encrypted token in `options`. */
  async #open(options, storeOptions) {
    return this.decryptMfaToken(options?.mfaToken, storeOptions);
  }
};
function bindingOf(state) {
  return state ? { sid: state.internal.sid, sub: state.user?.sub } : void 0;
}
redactedView(MfaClient, () => ({}));

// src/mfa/required.ts
function parseRequirements(value) {
  if (!isRecord(value)) return void 0;
  const list = (v) => Array.isArray(v) ? v.filter(isRecord).flatMap((r) => typeof r.type === "string" ? [{ type: r.type }] : []) : void 0;
  const out = {};
  const challenge2 = list(value.challenge);
  const enroll2 = list(value.enroll);
  if (challenge2) out.challenge = challenge2;
  if (enroll2) out.enroll = enroll2;
  return out;
}
function sealRequiredAnswers(encrypt) {
  return ({ body, answer }, binding) => {
    if (body.error !== "mfa_required" || typeof body.mfa_token !== "string") return void 0;
    const mfaRequirements = parseRequirements(body.mfa_requirements);
    const input = {
      mfaToken: body.mfa_token,
      audience: binding?.audience,
      scope: binding?.scope,
      mfaRequirements
    };
    return encrypt(input, binding?.session).then(
      (sealed) => new MfaRequiredError(sealed, mfaRequirements, answer)
    );
  };
}

// src/mfa/tokens.ts
var DEFAULT_MFA_TOKEN_TTL = 300;
var CLOCK_TOLERANCE = 1;
function createMfaTokens(options) {
  const secrets = typeof options.secrets === "string" ? [options.secrets] : options.secrets;
  const sealer = createSealer(secrets, "mfa-token");
  const issuer = new URL(options.issuer).href;
  const ttl = positiveNumber(options.ttlSeconds, "mfaTokenTtl", DEFAULT_MFA_TOKEN_TTL, "seconds");
  const encrypt = (input, session) => {
    const claims = { mfa: input.mfaToken, cid: options.clientId, iss: issuer };
    if (input.audience !== void 0) claims.api = input.audience;
    if (input.scope !== void 0) claims.scp = input.scope;
    if (input.mfaRequirements !== void 0) claims.req = input.mfaRequirements;
    if (session) {
      claims.sid = session.sid;
      if (session.sub !== void 0) claims.sub = session.sub;
    }
    return sealer.seal({ ...claims }, ttl);
  };
  const decrypt = async (token, session) => {
    const opened = await sealer.unseal(token, { clockTolerance: CLOCK_TOLERANCE });
    if (!opened.ok) {
      if (opened.reason === "expired") {
        throw new MfaTokenExpiredError("The mfa token has expired; start the authentication again");
      }
      throw invalid("The mfa token could not be decrypted");
    }
    const p = opened.payload;
    if (typeof p.mfa !== "string" || typeof p.exp !== "number") {
      throw invalid("The mfa token could not be decrypted");
    }
    if (p.cid !== options.clientId || p.iss !== issuer) {
      throw invalid("The mfa token was issued for another client or issuer");
    }
    if (typeof p.sid === "string") {
      const sub = typeof p.sub === "string" ? p.sub : void 0;
      if (!session || session.sid !== p.sid || session.sub !== sub) {
        throw invalid("The mfa token was issued for another session");
      }
    }
    const context = { mfaToken: p.mfa, expiresAt: p.exp };
    if (typeof p.api === "string") context.audience = p.api;
    if (typeof p.scp === "string") context.scope = p.scp;
    const requirements = parseRequirements(p.req);
    if (requirements) context.mfaRequirements = requirements;
    if (typeof p.sid === "string") {
      context.session = typeof p.sub === "string" ? { sid: p.sid, sub: p.sub } : { sid: p.sid };
    }
    return context;
  };
  return { sealRequired: sealRequiredAnswers(encrypt), encrypt, decrypt };
}
function invalid(message) {
  return new MfaTokenInvalidError(message);
}

// src/stores/cookie.ts
var MAX_COOKIE_BYTES = 4096;
var VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;
var ATTRIBUTE = /^[\x20-\x3A\x3C-\x7E]+$/;
var SAME_SITE = { lax: "Lax", strict: "Strict", none: "None" };
var PRIORITY = { low: "Low", medium: "Medium", high: "High" };
function serializeCookie(name, value, options = {}) {
  requireCookieName(name, "name");
  if (!VALUE.test(value)) throw argumentError('cookie "value" holds characters a cookie value cannot carry');
  let header = `${name}=${value}`;
  if (options.maxAge !== void 0) {
    if (!Number.isInteger(options.maxAge)) throw argumentError('cookie "maxAge" must be an integer');
    header += `; Max-Age=${options.maxAge}`;
  }
  if (options.domain !== void 0) {
    if (!ATTRIBUTE.test(options.domain))
      throw argumentError('cookie "domain" is not a valid attribute value');
    header += `; Domain=${options.domain}`;
  }
  if (options.path !== void 0) {
    if (!ATTRIBUTE.test(options.path)) throw argumentError('cookie "path" is not a valid attribute value');
    header += `; Path=${options.path}`;
  }
  if (options.expires !== void 0) header += `; Expires=${options.expires.toUTCString()}`;
  if (options.httpOnly) header += "; HttpOnly";
  if (options.secure) header += "; Secure";
  if (options.partitioned) header += "; Partitioned";
  if (options.priority !== void 0) header += `; Priority=${PRIORITY[options.priority]}`;
  if (options.sameSite !== void 0) header += `; SameSite=${SAME_SITE[options.sameSite]}`;
  return header;
}
function parseCookieHeader(header) {
  if (typeof header !== "string")
    throw argumentError('"header" must be the Cookie header, a string', "ERR_INVALID_ARG_TYPE");
  const cookies = {};
  let eq = -1;
  for (let start = 0; start < header.length; ) {
    let end = header.indexOf(";", start);
    if (end === -1) end = header.length;
    if (eq < start) {
      eq = header.indexOf("=", start);
      if (eq === -1) eq = header.length;
    }
    if (eq < end) addCookie(cookies, header.slice(start, eq).trim(), header, eq + 1, end);
    start = end + 1;
  }
  return cookies;
}
function addCookie(cookies, name, header, from, to) {
  if (!name || Object.hasOwn(cookies, name)) return;
  let value = header.slice(from, to).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  if (value.includes("%")) {
    try {
      value = decodeURIComponent(value);
    } catch {
    }
  }
  cookies[name] = value;
}
function cookieOverhead(name, options) {
  return utf8Length(serializeCookie(name, "", { ...options, expires: /* @__PURE__ */ new Date(0) }));
}
var encoder = new TextEncoder();
function utf8Length(text) {
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

// src/stores/stateless-state-store.ts
var MAX_SESSION_COOKIE_BYTES = 8192;
var MIN_CHUNK_BYTES = 512;
var CHUNK_INDEX = /^(?:0|[1-9]\d*)$/;
var NO_STATE = () => void 0;
var StatelessStateStore = class {
  #lifetime;
  #parts;
  #overheads = /* @__PURE__ */ new Map();
  /** @throws {TypeError} naming `cookieHandler` or the option (`secret`, a duration, `appBaseUrl`) that is invalid. */
  constructor(options, cookieHandler) {
    this.#parts = cookieStoreParts(options, cookieHandler, "session");
    this.#lifetime = resolveSessionLifetime(options);
  }
  /** The session held in the `identifier` cookies, or `undefined`. Never throws. */
  get(identifier, storeOptions) {
    identifier = this.#parts.name(identifier);
    try {
      let sealed = "";
      for (let i = 0; ; i++) {
        const chunk = this.#parts.cookies.getCookie(`${identifier}.${i}`, storeOptions);
        if (chunk === void 0) break;
        sealed += chunk;
      }
      if (!sealed) return Promise.resolve(void 0);
      const opened = this.#parts.sealer.unsealNow(sealed);
      if (opened) return Promise.resolve(this.#stateOf(opened));
      return this.#parts.sealer.unseal(sealed).then((later) => this.#stateOf(later), NO_STATE);
    } catch {
      return Promise.resolve(void 0);
    }
  }
  /** The session an opened cookie holds, if it is one and within its absolute lifetime. */
  #stateOf(opened) {
    if (!opened.ok) return void 0;
    const state = opened.payload.s;
    if (!isStateData(state)) return void 0;
    if (absoluteExpiry(this.#lifetime, state) <= Math.floor(Date.now() / 1e3)) return void 0;
    return state;
  }
  /**
   * Writes `data` into the `identifier` cookies and deletes chunks left over from a larger session.
   * A session already past its absolute lifetime is deleted instead. When the cookies would take
   * more than {@link MAX_SESSION_COOKIE_BYTES}, the access token sets that expire first are left out
   * (a refresh gets them back) until they fit.
   *
   * @throws {TypeError} when `data` is not a session (no `internal.sid` / `internal.createdAt`).
   * @throws {SessionTooLargeError} `session_too_large` when the session does not fit even without
   *   token sets: nothing is written (use a {@link StatefulStateStore}).
   * @throws {RangeError} when `identifier` and the cookie attributes leave no room for a value.
   */
  async set(identifier, data, _removeIfExists, storeOptions) {
    assertStateData(data);
    identifier = this.#parts.name(identifier);
    const now = Math.floor(Date.now() / 1e3);
    const ttl = sessionExpiry(this.#lifetime, data, now) - now;
    if (ttl <= 0) return this.delete(identifier, storeOptions);
    const options = { ...this.#parts.attributes, maxAge: ttl };
    let kept = data;
    let chunks = this.#chunks(identifier, await this.#parts.sealer.seal({ s: kept }, ttl), options);
    const byExpiry = [...data.tokenSets].sort((a, b) => a.expiresAt - b.expiresAt);
    while (chunks.bytes > MAX_SESSION_COOKIE_BYTES && byExpiry.length > 0) {
      const dropped = byExpiry.shift();
      kept = { ...kept, tokenSets: kept.tokenSets.filter((set) => set !== dropped) };
      chunks = this.#chunks(identifier, await this.#parts.sealer.seal({ s: kept }, ttl), options);
    }
    if (chunks.bytes > MAX_SESSION_COOKIE_BYTES) {
      throw new SessionTooLargeError(chunks.bytes, MAX_SESSION_COOKIE_BYTES);
    }
    const written = /* @__PURE__ */ new Set();
    for (const { name, value } of chunks.list) {
      this.#parts.cookies.setCookie(name, value, options, storeOptions);
      written.add(name);
    }
    for (const name of this.#chunkNames(identifier, storeOptions)) {
      if (!written.has(name)) this.#parts.cookies.deleteCookie(name, storeOptions, this.#parts.attributes);
    }
  }
  /** `sealed` split over `identifier` chunks, and the bytes of their `Set-Cookie` headers. */
  #chunks(identifier, sealed, options) {
    const list = [];
    let bytes = 0;
    for (let i = 0, at = 0; at < sealed.length; i++) {
      const name = `${identifier}.${i}`;
      const overhead = this.#overhead(name, options);
      const budget = MAX_COOKIE_BYTES - overhead;
      if (budget < MIN_CHUNK_BYTES) {
        throw new RangeError(
          "the session cookie name and attributes leave no room for a value in 4096 bytes"
        );
      }
      const value = sealed.slice(at, at + budget);
      list.push({ name, value });
      bytes += overhead + value.length;
      at += budget;
    }
    return { list, bytes };
  }
  /** Deletes every `identifier` chunk cookie. */
  async delete(identifier, storeOptions) {
    for (const name of this.#chunkNames(this.#parts.name(identifier), storeOptions)) {
      this.#parts.cookies.deleteCookie(name, storeOptions, this.#parts.attributes);
    }
  }
  /**
   * Always rejects: a session kept only in a browser cannot be found by `sid` or `sub`.
   *
   * @throws {BackchannelLogoutError} `backchannel_logout_unsupported`.
   */
  async deleteByLogoutToken() {
    throw new BackchannelLogoutError(
      "backchannel_logout_unsupported",
      "Back-channel logout needs sessions the server can find: use a StatefulStateStore"
    );
  }
  /**
   * {@link cookieOverhead} for a chunk, remembered per name and `Max-Age` width: the attributes are
   * fixed per store, and serializing them on every write was a tenth of its cost.
   */
  #overhead(name, options) {
    const key = `${name}\0${String(options.maxAge).length}`;
    let bytes = this.#overheads.get(key);
    if (bytes === void 0) {
      bytes = cookieOverhead(name, options);
      if (this.#overheads.size >= 64) this.#overheads.clear();
      this.#overheads.set(key, bytes);
    }
    return bytes;
  }
  /** The names of the request's cookies that are chunks of `identifier`: exactly `${identifier}.<n>`. */
  #chunkNames(identifier, storeOptions) {
    const prefix = `${identifier}.`;
    return Object.keys(this.#parts.cookies.getCookies(storeOptions)).filter(
      (name) => name.startsWith(prefix) && CHUNK_INDEX.test(name.slice(prefix.length))
    );
  }
};
redactedView(StatelessStateStore, () => ({}));

// src/stores/stateful-state-store.ts
var StatefulStateStore = class {
  #lifetime;
  #store;
  #parts;
  /**
   * Runs `fn` holding this session's lock in the backend, across processes; without a session,
   * directly. Offered only when the backend has a lock: in one process the session owner's own lock
   * already runs one update at a time.
   */
  withLock;
  /** @throws {TypeError} naming `cookieHandler` or the option (`secret`, `store`, a duration, `appBaseUrl`) that is invalid. */
  constructor(options, cookieHandler) {
    this.#parts = cookieStoreParts(options, cookieHandler, "session-id");
    requireMethods(options.store, "store", ["get", "set", "delete"]);
    this.#store = options.store;
    this.#lifetime = resolveSessionLifetime(options);
    const backend = options.store;
    if (backend.withLock) {
      this.withLock = async (identifier, fn, storeOptions) => {
        const id = await this.#sessionId(identifier, storeOptions);
        return id === void 0 || !backend.withLock ? fn() : backend.withLock(id, fn);
      };
    }
  }
  /**
   * The session whose id the `identifier` cookie carries, or `undefined`. A cookie whose session is
   * gone from the backend is deleted.
   *
   * @throws {Error} whatever the backend throws; never for the cookie.
   */
  async get(identifier, storeOptions) {
    const id = await this.#sessionId(identifier, storeOptions);
    if (id === void 0) return void 0;
    const state = await this.#store.get(id);
    if (!state) {
      this.#deleteCookie(identifier, storeOptions);
      return void 0;
    }
    if (!isStateData(state)) return void 0;
    if (absoluteExpiry(this.#lifetime, state) <= Math.floor(Date.now() / 1e3)) return void 0;
    return state;
  }
  /**
   * Writes `data` to the backend and (re)issues the id cookie. With `removeIfExists` (a new login)
   * the previous session is deleted and a new id issued. Without it (an update, such as a refresh),
   * a session the backend no longer has (logout or back-channel logout while the refresh ran, or
   * expiry) is not written back: the cookie is deleted instead. A session already past its absolute
   * lifetime is deleted instead.
   *
   * @throws {TypeError} naming `data` when it is not a session; whatever the backend throws.
   */
  async set(identifier, data, removeIfExists, storeOptions) {
    assertStateData(data);
    let id = await this.#sessionId(identifier, storeOptions);
    if (id !== void 0 && removeIfExists) {
      await this.#store.delete(id);
      id = void 0;
    }
    const now = Math.floor(Date.now() / 1e3);
    const ttl = sessionExpiry(this.#lifetime, data, now) - now;
    if (ttl <= 0) {
      if (id !== void 0) await this.#store.delete(id);
      this.#deleteCookie(identifier, storeOptions);
      return;
    }
    if (id === void 0) {
      id = newSessionId(32);
      await this.#store.set(id, data, ttl);
    } else if (!await this.#update(id, data, ttl)) {
      this.#deleteCookie(identifier, storeOptions);
      return;
    }
    const sealed = await this.#parts.sealer.seal({ id }, ttl);
    this.#parts.cookies.setCookie(
      this.#parts.name(identifier),
      sealed,
      { ...this.#parts.attributes, maxAge: ttl },
      storeOptions
    );
  }
  /** Deletes the session from the backend and the cookie. */
  async delete(identifier, storeOptions) {
    const id = await this.#sessionId(identifier, storeOptions);
    if (id !== void 0) await this.#store.delete(id);
    this.#deleteCookie(identifier, storeOptions);
  }
  /** Deletes the sessions a validated logout token names, through the backend. */
  deleteByLogoutToken(claims, storeOptions) {
    return this.#store.deleteByLogoutToken(claims, storeOptions);
  }
  /**
   * Writes an existing session only while the backend still has it: atomically with a backend that
   * has `update` (Redis: `SET ... XX`), else by a read then a write (exact in one process only).
   */
  async #update(id, data, ttl) {
    if (this.#store.update) return this.#store.update(id, data, ttl);
    if (!await this.#store.get(id)) return false;
    await this.#store.set(id, data, ttl);
    return true;
  }
  async #sessionId(identifier, storeOptions) {
    try {
      const cookie = this.#parts.cookies.getCookie(this.#parts.name(identifier), storeOptions);
      if (!cookie) return void 0;
      const opened = await this.#parts.sealer.unseal(cookie);
      const id = opened.ok ? opened.payload["id"] : void 0;
      return typeof id === "string" && id ? id : void 0;
    } catch {
      return void 0;
    }
  }
  #deleteCookie(identifier, storeOptions) {
    this.#parts.cookies.deleteCookie(this.#parts.name(identifier), storeOptions, this.#parts.attributes);
  }
};
redactedView(StatefulStateStore, () => ({}));

// src/stores/cookie-transaction-store.ts
var MAX_TRANSACTIONS = 3;
var CookieTransactionStore = class {
  #ttl;
  #parts;
  /** @throws {TypeError} naming `cookieHandler` or the option (`secret`, `ttl`, `appBaseUrl`) that is invalid. */
  constructor(options, cookieHandler) {
    this.#parts = cookieStoreParts(options, cookieHandler, "transaction");
    this.#ttl = transactionTtl(options.ttl);
  }
  /** The transaction in the `identifier` cookie, or `undefined`. Never throws. */
  async get(identifier, storeOptions) {
    try {
      const cookie = this.#parts.cookies.getCookie(this.#parts.name(identifier), storeOptions);
      if (!cookie) return void 0;
      const opened = await this.#parts.sealer.unseal(cookie);
      if (!opened.ok) return void 0;
      const data = opened.payload["t"];
      return isTransactionData(data) ? data : void 0;
    } catch {
      return void 0;
    }
  }
  /**
   * Writes the transaction cookie.
   *
   * @throws {RangeError} when the sealed transaction does not fit one 4096-byte cookie (keep
   *   `appState` small).
   */
  async set(identifier, data, _removeIfExists, storeOptions) {
    identifier = this.#parts.name(identifier);
    const sealed = await this.#parts.sealer.seal({ t: data }, this.#ttl);
    const options = { ...this.#parts.attributes, maxAge: this.#ttl };
    const size = cookieOverhead(identifier, options) + sealed.length;
    if (size > MAX_COOKIE_BYTES) {
      throw new RangeError(
        `the login transaction needs a ${size}-byte cookie, over 4096: keep appState small`
      );
    }
    await this.#dropOldest(identifier, storeOptions);
    this.#parts.cookies.setCookie(identifier, sealed, options, storeOptions);
  }
  /**
   * Deletes the oldest transaction cookies of the same prefix so that, with the one being written,
   * at most {@link MAX_TRANSACTIONS} remain. Unreadable ones count as oldest. All share one `ttl`, so
   * the earliest sealed expiry is the oldest login; the cookies are opened only once at the cap.
   */
  async #dropOldest(identifier, storeOptions) {
    const prefix = identifier.slice(0, identifier.lastIndexOf(".") + 1);
    if (prefix === "") return;
    const others = Object.entries(this.#parts.cookies.getCookies(storeOptions)).filter(
      ([name]) => name.startsWith(prefix) && name !== identifier
    );
    if (others.length < MAX_TRANSACTIONS) return;
    const aged = await Promise.all(
      others.map(async ([name, value]) => {
        const opened = await this.#parts.sealer.unseal(value);
        return {
          name,
          exp: opened.ok && typeof opened.payload.exp === "number" ? opened.payload.exp : -Infinity
        };
      })
    );
    aged.sort((a, b) => a.exp - b.exp);
    for (const { name } of aged.slice(0, aged.length - (MAX_TRANSACTIONS - 1))) {
      this.#parts.cookies.deleteCookie(name, storeOptions, this.#parts.attributes);
    }
  }
  /** Deletes the transaction cookie. */
  async delete(identifier, storeOptions) {
    this.#parts.cookies.deleteCookie(this.#parts.name(identifier), storeOptions, this.#parts.attributes);
  }
};
function isTransactionData(value) {
  return isRecord(value) && typeof value.codeVerifier === "string";
}
redactedView(CookieTransactionStore, () => ({}));

// src/stores/memory-state-store.ts
var MemoryStateStore = class {
  #sessions = /* @__PURE__ */ new Map();
  /** A copy of the session under `identifier`, or `undefined`. */
  async get(identifier) {
    const data = this.#sessions.get(identifier);
    return data && structuredClone(data);
  }
  /** Stores a copy of `data` under `identifier`. */
  async set(identifier, data) {
    this.#sessions.set(identifier, structuredClone(data));
  }
  /** Removes the session under `identifier`. */
  async delete(identifier) {
    this.#sessions.delete(identifier);
  }
  /** Deletes every session the logout token's `sid`/`sub` (and `iss`) name. */
  async deleteByLogoutToken(claims) {
    for (const [identifier, data] of this.#sessions) {
      if (matchesLogoutToken(data, claims)) this.#sessions.delete(identifier);
    }
  }
};
redactedView(MemoryStateStore, () => ({}));

// src/stores/memory-transaction-store.ts
var MemoryTransactionStore = class {
  #entries = /* @__PURE__ */ new Map();
  #ttlMs;
  /** @throws {TypeError} when `ttl` is not a positive number. */
  constructor(options = {}) {
    this.#ttlMs = transactionTtl(options.ttl) * 1e3;
  }
  /** A copy of the transaction under `identifier`, or `undefined` once it has expired. */
  async get(identifier) {
    const entry = this.#entries.get(identifier);
    if (!entry) return void 0;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(identifier);
      return void 0;
    }
    return structuredClone(entry.data);
  }
  /** Stores a copy of `data` under `identifier`, for `ttl` seconds. */
  async set(identifier, data) {
    this.#entries.set(identifier, { data: structuredClone(data), expiresAt: Date.now() + this.#ttlMs });
  }
  /** Removes the transaction under `identifier`. */
  async delete(identifier) {
    this.#entries.delete(identifier);
  }
};
redactedView(MemoryTransactionStore, () => ({}));

// src/stores/memory-session-store.ts
var MemorySessionStore = class {
  #entries = /* @__PURE__ */ new Map();
  #bySid = /* @__PURE__ */ new Map();
  #bySub = /* @__PURE__ */ new Map();
  /** The number of sessions held (expired ones included until they are next looked at). */
  get size() {
    return this.#entries.size;
  }
  /** A copy of the session under `id`, or `undefined` once it has expired. */
  async get(id) {
    const entry = this.#entries.get(id);
    if (!entry) return void 0;
    if (entry.expiresAt <= Date.now()) {
      this.#remove(id);
      return void 0;
    }
    return structuredClone(entry.data);
  }
  /** Stores a copy of `data` under `id`, for `ttlSeconds` when given, and indexes it by `sid` and `sub`. */
  async set(id, data, ttlSeconds) {
    this.#remove(id);
    const expiresAt = ttlSeconds === void 0 ? Infinity : Date.now() + ttlSeconds * 1e3;
    this.#entries.set(id, { data: structuredClone(data), expiresAt });
    const { sid, sub } = keysOf(data);
    if (sid !== void 0) add(this.#bySid, sid, id);
    if (sub !== void 0) add(this.#bySub, sub, id);
  }
  /** Replaces the session under `id` only while it exists (and has not expired); `false` otherwise. */
  async update(id, data, ttlSeconds) {
    if (await this.get(id) === void 0) return false;
    await this.set(id, data, ttlSeconds);
    return true;
  }
  /** Removes the session under `id`. */
  async delete(id) {
    this.#remove(id);
  }
  /** Removes every session the logout token's `sid`/`sub` (and `iss`) name, found through the index. */
  async deleteByLogoutToken(claims) {
    const candidates = claims.sid !== void 0 ? this.#bySid.get(claims.sid) : claims.sub !== void 0 ? this.#bySub.get(claims.sub) : void 0;
    for (const id of [...candidates ?? []]) {
      const entry = this.#entries.get(id);
      if (entry && matchesLogoutToken(entry.data, claims)) this.#remove(id);
    }
  }
  #remove(id) {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    const { sid, sub } = keysOf(entry.data);
    if (sid !== void 0) drop(this.#bySid, sid, id);
    if (sub !== void 0) drop(this.#bySub, sub, id);
  }
};
function keysOf(data) {
  const sid = data.user?.["sid"];
  return { sid: typeof sid === "string" ? sid : void 0, sub: data.user?.sub };
}
function add(index, key, id) {
  let ids = index.get(key);
  if (!ids) index.set(key, ids = /* @__PURE__ */ new Set());
  ids.add(id);
}
function drop(index, key, id) {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}
redactedView(MemorySessionStore, (store) => ({ size: store.size }));
var BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
var LOGOUT_TOKEN_MAX_AGE = 300;
async function validateLogoutToken(transport, logoutToken, replay) {
  if (typeof logoutToken !== "string" || logoutToken === "") {
    throw argumentError('"logoutToken" must be a non-empty string', "ERR_INVALID_ARG_TYPE");
  }
  const { payload, protectedHeader } = await verify(transport, logoutToken);
  if (protectedHeader.typ !== void 0 && normalizeTyp(protectedHeader.typ) !== "logout+jwt") {
    throw invalid2("The logout token is typed as something other than logout+jwt", "typ");
  }
  const events = payload.events;
  const event = isJsonObject(events) ? events[BACKCHANNEL_LOGOUT_EVENT] : void 0;
  if (!isJsonObject(event)) {
    throw invalid2("The logout token has no back-channel logout event object", "events");
  }
  if ("nonce" in payload) throw invalid2("A logout token must not carry a nonce", "nonce");
  const sid = optionalClaim(payload, "sid");
  const sub = optionalClaim(payload, "sub");
  if (sid === void 0 && sub === void 0)
    throw invalid2("The logout token has neither sid nor sub", "sid");
  if (typeof payload.jti !== "string" || payload.jti === "")
    throw invalid2("The logout token has no jti", "jti");
  const iat = payload.iat ?? 0;
  const keepUntil = (iat + LOGOUT_TOKEN_MAX_AGE + transport.clockTolerance) * 1e3;
  const replayKey = `${transport.issuer.href} ${payload.jti}`;
  if (await replay.has(replayKey)) throw invalid2("The logout token was already used", "jti");
  return {
    replayKey,
    keepUntil,
    iss: transport.issuer.href,
    ...sid === void 0 ? {} : { sid },
    ...sub === void 0 ? {} : { sub }
  };
}
async function verify(transport, token) {
  try {
    return await jwtVerify(token, transport.keys, {
      issuer: transport.issuer.href,
      audience: transport.client.client_id,
      clockTolerance: transport.clockTolerance,
      maxTokenAge: LOGOUT_TOKEN_MAX_AGE,
      requiredClaims: ["iat", "exp"]
    });
  } catch (err) {
    if (err instanceof Auth0Error) throw err;
    if (err instanceof errors.JWTClaimValidationFailed || err instanceof errors.JWTExpired) {
      throw invalid2(`The logout token failed validation: ${err.message}`, err.claim);
    }
    const reason = err instanceof Error ? err.message : "unknown failure";
    throw invalid2(`The logout token failed validation: ${reason}`);
  }
}
function invalid2(message, claim) {
  return new BackchannelLogoutError("logout_token_invalid", message, claim);
}
function isJsonObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function normalizeTyp(typ) {
  const lower = typ.toLowerCase();
  return lower.startsWith("application/") ? lower.slice("application/".length) : lower;
}
function optionalClaim(payload, claim) {
  const value = payload[claim];
  if (value === void 0) return void 0;
  if (typeof value !== "string" || value === "")
    throw invalid2(`The logout token ${claim} is not a string`, claim);
  return value;
}

// src/config.ts
function storeOptionsCheck(config) {
  const handler = config.cookieHandler;
  const usesHandler = config.stateStore === void 0 || config.transactionStore === void 0;
  if (!handler || !usesHandler || handler.getCookies.length < 1 && handler.getCookie.length < 2)
    return () => void 0;
  return (storeOptions, method) => {
    if (storeOptions === void 0)
      throw argumentError(
        `"${method}" needs its storeOptions argument: the cookieHandler reads and writes cookies through it (for example { req, res })`,
        "ERR_INVALID_ARG_TYPE"
      );
  };
}
var DEFAULT_SCOPE = "openid profile email offline_access";
function resolveConfig(options) {
  requireObject(options, "options");
  const clientId = nonEmpty(options.clientId, "clientId");
  const secrets = secretList(options.secret);
  const fetchImpl = options.customFetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function")
    throw argumentError('"customFetch" must be a function', "ERR_INVALID_ARG_TYPE");
  if (options.cookieHandler === void 0 && options.stateStore === void 0) {
    throw argumentError('"stateStore" is required when no "cookieHandler" is given', "ERR_INVALID_ARG_TYPE");
  }
  if (options.cookieHandler === void 0 && options.transactionStore === void 0) {
    throw argumentError(
      '"transactionStore" is required when no "cookieHandler" is given',
      "ERR_INVALID_ARG_TYPE"
    );
  }
  const authorizationParams = resolveAuthorizationParams(options.authorizationParams);
  const session = resolveSession(options.session);
  return {
    issuer: resolveIssuer(options.domain),
    clientId,
    clientAuth: resolveClientAuth(options),
    secrets,
    authorizationParams,
    stateStore: options.stateStore,
    transactionStore: options.transactionStore,
    cookieHandler: options.cookieHandler,
    coordinator: withMethods(options.coordinator, "coordinator", ["withLock", "share", "shared"]),
    refreshShareTtl: positiveNumber(options.refreshShareTtl, "refreshShareTtl", 30, "seconds"),
    replayStore: withMethods(options.replayStore, "replayStore", ["has", "add", "remove"]),
    session,
    stateIdentifier: optionalName(options.stateIdentifier, "stateIdentifier") ?? optionalName(options.session?.cookie?.name, "session.cookie.name") ?? "__a0_session",
    transactionIdentifier: optionalName(options.transactionIdentifier, "transactionIdentifier") ?? "__a0_tx",
    fetch: fetchImpl,
    httpTimeout: positiveNumber(options.httpTimeout, "httpTimeout", 1e4, "milliseconds"),
    mfaTokenTtl: positiveNumber(options.mfaTokenTtl, "mfaTokenTtl", DEFAULT_MFA_TOKEN_TTL, "seconds"),
    tokenRefreshLeeway: nonNegativeNumber(options.tokenRefreshLeeway, "tokenRefreshLeeway", 60, "seconds"),
    clockTolerance: nonNegativeNumber(options.clockTolerance, "clockTolerance", 60, "seconds")
  };
}
function resolveSession(session) {
  if (session === void 0) return {};
  requireObject(session, "session");
  return session;
}
function resolveIssuer(domain) {
  const value = nonEmpty(domain, "domain");
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  const withScheme = hasScheme ? value : `https://${value}`;
  let url;
  try {
    url = new URL(withScheme);
  } catch {
    throw argumentError('"domain" must be a host name or an origin such as https://tenant.auth0.com');
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw argumentError('"domain" must be a host name or an origin, without path, query or credentials');
  }
  if (!hasScheme && isLoopback(url.hostname)) {
    throw argumentError(
      `"domain" has no scheme, so https would be assumed; for a local server write it with http:// (for example "http://${url.host}")`
    );
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw argumentError('"domain" may use plain http only for a loopback host (127.0.0.1, [::1], localhost)');
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw argumentError('"domain" must use https');
  }
  return new URL(`${url.origin}/`);
}
function resolveClientAuth(options) {
  const { clientSecret, clientAssertionSigningKey, clientAssertionSigningAlg, clientAuthMethod } = options;
  if (clientAssertionSigningKey !== void 0) {
    if (typeof clientAssertionSigningKey !== "string" && !(clientAssertionSigningKey instanceof CryptoKey)) {
      throw argumentError(
        '"clientAssertionSigningKey" must be a PKCS#8 PEM string or a CryptoKey',
        "ERR_INVALID_ARG_TYPE"
      );
    }
    if (clientAssertionSigningAlg !== void 0)
      nonEmpty(clientAssertionSigningAlg, "clientAssertionSigningAlg");
    return { method: "private_key_jwt", clientAssertionSigningKey, clientAssertionSigningAlg };
  }
  if (clientSecret === void 0) {
    throw argumentError('"clientSecret" or "clientAssertionSigningKey" is required', "ERR_INVALID_ARG_TYPE");
  }
  nonEmpty(clientSecret, "clientSecret");
  const method = clientAuthMethod ?? "client_secret_post";
  if (method !== "client_secret_post" && method !== "client_secret_basic") {
    throw argumentError('"clientAuthMethod" must be "client_secret_post" or "client_secret_basic"');
  }
  return { method, clientSecret };
}
function resolveAuthorizationParams(params) {
  if (params === void 0) return { scope: DEFAULT_SCOPE };
  requireObject(params, "authorizationParams");
  if (params.redirect_uri !== void 0) {
    if (!URL.canParse(nonEmpty(params.redirect_uri, "authorizationParams.redirect_uri")))
      throw argumentError('"authorizationParams.redirect_uri" must be an absolute URL');
  }
  if (params.audience !== void 0) nonEmpty(params.audience, "authorizationParams.audience");
  return {
    ...params,
    scope: params.scope === void 0 ? DEFAULT_SCOPE : nonEmpty(params.scope, "authorizationParams.scope")
  };
}
function withMethods(value, field, methods) {
  if (value !== void 0) requireMethods(value, field, methods);
  return value;
}
function nonEmpty(value, field) {
  requireString(value, field);
  return value;
}
function optionalName(value, field) {
  if (value === void 0) return void 0;
  requireCookieName(value, field);
  return value;
}

// src/lib/replay-cache.ts
var ReplayCache = class {
  #seen = /* @__PURE__ */ new Map();
  #maxEntries;
  /** @param maxEntries how many identifiers to remember at most. */
  constructor(maxEntries = 1e4) {
    this.#maxEntries = maxEntries;
  }
  /** Whether `id` is recorded and not expired. */
  has(id, now = Date.now()) {
    return (this.#seen.get(id) ?? 0) > now;
  }
  /** Records `id` until `expiresAt` (unix ms); `false` when it was already recorded and not expired. */
  add(id, expiresAt, now = Date.now()) {
    const known = this.#seen.get(id);
    if (known !== void 0 && known > now) return false;
    this.#seen.delete(id);
    this.#seen.set(id, expiresAt);
    this.#prune(now);
    return true;
  }
  /** Forgets `id`. */
  remove(id) {
    this.#seen.delete(id);
  }
  /** Drops expired entries from the oldest on, and the oldest live ones past `maxEntries`. */
  #prune(now) {
    for (const [id, expiresAt] of this.#seen) {
      if (this.#seen.size <= this.#maxEntries && expiresAt > now) break;
      this.#seen.delete(id);
    }
  }
};

// src/lib/single-flight.ts
var SingleFlight = class {
  #running = /* @__PURE__ */ new Map();
  /** Runs `operation` for `key`, or joins the run already in progress for it. */
  run(key, operation) {
    const running = this.#running.get(key);
    if (running) return running;
    const started = (async () => {
      try {
        return await operation();
      } finally {
        this.#running.delete(key);
      }
    })();
    this.#running.set(key, started);
    return started;
  }
};
async function refreshTokenGrant(transport, refreshToken, params, run) {
  const additionalParameters = {};
  if (params.audience !== void 0) additionalParameters.audience = params.audience;
  if (params.scope !== void 0) additionalParameters.scope = params.scope;
  await transport.keys.ready();
  const response = await transport.run(async (as) => {
    const res = await oauth3.refreshTokenGrantRequest(
      as,
      transport.client,
      transport.clientAuth,
      refreshToken,
      {
        ...transport.call,
        additionalParameters
      }
    );
    return oauth3.processRefreshTokenResponse(as, transport.client, res);
  }, run);
  return { response, claims: await validatedClaims(transport, response) };
}

// src/protocol/access-token.ts
async function getAccessToken(ctx, options, storeOptions) {
  const query = { audience: options.audience ?? ctx.defaultAudience, scope: options.scope };
  const state = await ctx.sessions.get(storeOptions);
  if (!state) throw new LoginRequiredError("There is no session: the user must log in");
  const cached = usable(findTokenSet(state, query), ctx.leeway);
  if (cached) return cached;
  if (state.refreshToken === void 0) {
    throw new LoginRequiredError("The session holds no refresh token: the user must log in again");
  }
  let led = false;
  const key = [state.internal.sid, query.audience, [...scopesOf(query.scope)].sort().join(" ")].join(
    "\0"
  );
  const shared = await ctx.flights.run(key, () => {
    led = true;
    return refreshLocked(ctx, query, storeOptions);
  });
  let result = shared.state;
  const answer = shared.answer;
  if (!led && answer) {
    result = await ctx.sessions.update((current) => {
      if (!current) throw new LoginRequiredError("The session ended while its token was being refreshed");
      if (usable(findTokenSet(current, query), ctx.leeway)) return current;
      return refreshed(current, answer, query);
    }, storeOptions);
  }
  const set = findTokenSet(result, query);
  if (!set) throw new LoginRequiredError("The refreshed session holds no token for this audience");
  return set;
}
async function refreshLocked(ctx, query, storeOptions) {
  let answer;
  const state = await ctx.sessions.update(async (current) => {
    if (!current) throw new LoginRequiredError("The session ended while its token was being refreshed");
    if (usable(findTokenSet(current, query), ctx.leeway)) return current;
    if (current.refreshToken === void 0) {
      throw new LoginRequiredError("The session holds no refresh token: the user must log in again");
    }
    const taken = await ctx.share?.find(current, query);
    if (taken) {
      answer = taken;
      return refreshed(current, taken, query);
    }
    const grant = await refreshTokenGrant(
      ctx.transport,
      current.refreshToken,
      { audience: audienceToSend(query.audience), scope: query.scope },
      {
        invalidGrant: "login_required",
        binding: {
          audience: query.audience,
          scope: query.scope,
          session: { sid: current.internal.sid, sub: current.user?.sub }
        }
      }
    );
    answer = { tokens: toTokenResponse(grant.response), claims: grant.claims };
    const next = refreshed(current, answer, query);
    await ctx.share?.publish(current, query, answer).catch(() => void 0);
    return next;
  }, storeOptions);
  return { state, answer };
}
function usable(set, leeway) {
  return set && set.expiresAt - leeway > Date.now() / 1e3 ? { ...set } : void 0;
}
var RESERVED = /* @__PURE__ */ new Set([
  "state",
  "nonce",
  "code_challenge",
  "code_challenge_method",
  "response_type",
  "client_id",
  "request_uri"
]);
async function buildAuthorizationRequest(transport, defaults, options) {
  const params = { ...defaults, ...options.authorizationParams };
  const redirectUri = params.redirect_uri;
  if (typeof redirectUri !== "string" || redirectUri === "") {
    throw argumentError('"authorizationParams.redirect_uri" is required to start an interactive login');
  }
  const codeVerifier = oauth3.generateRandomCodeVerifier();
  const state = oauth3.generateRandomState();
  const nonce = oauth3.generateRandomNonce();
  const scope = withOpenid(typeof params.scope === "string" ? params.scope : void 0);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === void 0 || value === null || RESERVED.has(key)) continue;
    query.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  query.set("scope", scope);
  query.set("client_id", transport.client.client_id);
  query.set("response_type", "code");
  query.set("state", state);
  query.set("nonce", nonce);
  query.set("code_challenge", await oauth3.calculatePKCECodeChallenge(codeVerifier));
  query.set("code_challenge_method", "S256");
  const maxAge = parseMaxAge(params.max_age);
  const transaction = {
    codeVerifier,
    state,
    nonce,
    scope,
    redirectUri,
    ...typeof params.audience === "string" ? { audience: params.audience } : {},
    ...maxAge === void 0 ? {} : { maxAge },
    ...options.appState === void 0 ? {} : { appState: options.appState }
  };
  const url = await transport.run(async (as) => {
    if (!as.authorization_endpoint)
      throw new RequestError("invalid_response", "The discovery document has no authorization_endpoint");
    const target = new URL(as.authorization_endpoint);
    if (!options.pushedAuthorizationRequests) {
      query.forEach((value, key) => target.searchParams.set(key, value));
      return target;
    }
    const res = await oauth3.pushedAuthorizationRequest(
      as,
      transport.client,
      transport.clientAuth,
      query,
      transport.call
    );
    const par = await oauth3.processPushedAuthorizationResponse(as, transport.client, res);
    target.searchParams.set("client_id", transport.client.client_id);
    target.searchParams.set("request_uri", par.request_uri);
    return target;
  });
  return { url, state, transaction };
}
function withOpenid(scope) {
  const parts = (scope ?? "").split(/\s+/).filter(Boolean);
  return parts.includes("openid") ? parts.join(" ") : ["openid", ...parts].join(" ");
}
function parseMaxAge(value) {
  if (value === void 0 || value === null) return void 0;
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
    throw argumentError('"authorizationParams.max_age" must be a non-negative integer');
  }
  return n;
}
async function exchangeGrant(transport, grantType, parameters, run = {}) {
  return transport.run(async (as) => {
    const res = await oauth3.genericTokenEndpointRequest(
      as,
      transport.client,
      transport.clientAuth,
      grantType,
      parameters,
      transport.call
    );
    return oauth3.processGenericTokenEndpointResponse(as, transport.client, res, {
      // A session transfer token is not for an API: Auth0 answers `token_type: N_A`.
      recognizedTokenTypes: { n_a: () => void 0 }
    });
  }, run);
}
function refusedAs(err, make, message) {
  return err instanceof ServerError ? make(message, err) : err;
}

// src/protocol/connection-token.ts
var FEDERATED_CONNECTION_GRANT = "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token";
var REFRESH_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:refresh_token";
var FEDERATED_TOKEN_TYPE = "http://auth0.com/oauth/token-type/federated-connection-access-token";
async function getAccessTokenForConnection(ctx, options, storeOptions) {
  const state = await ctx.sessions.get(storeOptions);
  if (!state) throw new LoginRequiredError("There is no session: the user must log in");
  const cached = usable2(findConnectionTokenSet(state, options.connection), ctx.leeway);
  if (cached) return cached;
  if (state.refreshToken === void 0) {
    throw new LoginRequiredError("The session holds no refresh token: the user must log in again");
  }
  let led = false;
  const key = ["connection", state.internal.sid, options.connection].join("\0");
  const shared = await ctx.flights.run(key, () => {
    led = true;
    return fetchLocked(ctx, options, storeOptions);
  });
  let result = shared.state;
  const set = shared.answer && toConnectionSet(shared.answer, options);
  if (!led && set) {
    result = await ctx.sessions.update((current) => {
      if (!current) throw new LoginRequiredError("The session ended while its token was being fetched");
      if (usable2(findConnectionTokenSet(current, options.connection), ctx.leeway)) return current;
      return connectionGranted(current, set);
    }, storeOptions);
  }
  const found = findConnectionTokenSet(result, options.connection);
  if (!found) throw new LoginRequiredError("The session holds no token for this connection");
  return found;
}
async function fetchLocked(ctx, options, storeOptions) {
  let answer;
  const query = { audience: `connection:${options.connection}` };
  const state = await ctx.sessions.update(async (current) => {
    if (!current) throw new LoginRequiredError("The session ended while its token was being fetched");
    if (usable2(findConnectionTokenSet(current, options.connection), ctx.leeway)) return current;
    if (current.refreshToken === void 0) {
      throw new LoginRequiredError("The session holds no refresh token: the user must log in again");
    }
    const taken = await ctx.share?.find(current, query);
    if (taken && fresher(taken, current, options.connection)) {
      answer = taken;
      return connectionGranted(current, toConnectionSet(taken, options));
    }
    answer = await connectionTokenGrant(ctx, current.refreshToken, options);
    await ctx.share?.publish(current, query, answer).catch(() => void 0);
    return connectionGranted(current, toConnectionSet(answer, options));
  }, storeOptions);
  return { state, answer };
}
async function connectionTokenGrant(ctx, refreshToken, options) {
  const parameters = {
    subject_token: refreshToken,
    subject_token_type: REFRESH_TOKEN_TYPE,
    requested_token_type: FEDERATED_TOKEN_TYPE,
    connection: options.connection
  };
  if (options.loginHint !== void 0) parameters.login_hint = options.loginHint;
  try {
    const response = await exchangeGrant(ctx.transport, FEDERATED_CONNECTION_GRANT, parameters);
    const { accessToken, expiresAt, scope } = toTokenResponse(response);
    return { tokens: { accessToken, expiresAt, scope }, claims: void 0 };
  } catch (err) {
    throw refusedAs(
      err,
      (message, answer) => new TokenForConnectionError(message, answer, { cause: sanitize(answer) }),
      "The authorization server refused a token for the connection"
    );
  }
}
function fresher(answer, state, connection) {
  const held = findConnectionTokenSet(state, connection);
  return !held || answer.tokens.accessToken !== held.accessToken && answer.tokens.expiresAt > held.expiresAt;
}
function toConnectionSet(answer, options) {
  return {
    accessToken: answer.tokens.accessToken,
    expiresAt: answer.tokens.expiresAt,
    scope: answer.tokens.scope,
    connection: options.connection,
    ...options.loginHint === void 0 ? {} : { loginHint: options.loginHint }
  };
}
function usable2(set, leeway) {
  return set && set.expiresAt - leeway > Date.now() / 1e3 ? { ...set } : void 0;
}

// src/protocol/logout.ts
async function buildLogoutUrl(transport, options, idToken) {
  const as = await transport.metadata();
  const clientId = transport.client.client_id;
  if (as.end_session_endpoint) {
    const url2 = new URL(as.end_session_endpoint);
    url2.searchParams.set("client_id", clientId);
    if (idToken !== void 0) url2.searchParams.set("id_token_hint", idToken);
    if (options.returnTo !== void 0) url2.searchParams.set("post_logout_redirect_uri", options.returnTo);
    return url2;
  }
  const url = new URL("v2/logout", transport.issuer);
  url.searchParams.set("client_id", clientId);
  if (options.returnTo !== void 0) url.searchParams.set("returnTo", options.returnTo);
  return url;
}
var TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
var RESERVED2 = /^(?:https?:\/\/(?:[^/]*\.)?(?:auth0|okta)\.com(?:[/:?#]|$)|urn:(?:ietf|auth0|okta):)/i;
var OWN = /* @__PURE__ */ new Set([
  "grant_type",
  "subject_token",
  "subject_token_type",
  "audience",
  "scope",
  "requested_token_type",
  "organization",
  "actor_token",
  "actor_token_type",
  "client_id",
  "client_secret",
  "client_assertion",
  "client_assertion_type"
]);
function checkExchangeOptions(options, reservedTypesAllowed = false) {
  requireString(options?.subjectTokenType, "subjectTokenType");
  requireString(options.subjectToken, "subjectToken");
  if (options.subjectToken.trim() !== options.subjectToken) {
    throw argumentError('"subjectToken" must not start or end with whitespace');
  }
  if (/^bearer\s/i.test(options.subjectToken)) {
    throw argumentError('"subjectToken" must be the token alone, without a "Bearer " prefix');
  }
  if (!URL.canParse(options.subjectTokenType)) throw argumentError('"subjectTokenType" must be a URI');
  if (!reservedTypesAllowed && RESERVED2.test(options.subjectTokenType)) {
    throw argumentError('"subjectTokenType" is in a namespace Auth0 reserves: use a URI of your own');
  }
  for (const field of ["audience", "scope", "requestedTokenType", "organization"]) {
    optionalString(options[field], field);
  }
  optionalString(options.actorToken, "actorToken");
  optionalString(options.actorTokenType, "actorTokenType");
  if (options.actorToken === void 0 !== (options.actorTokenType === void 0)) {
    throw argumentError('"actorToken" and "actorTokenType" go together: give both or neither');
  }
  for (const [name, value] of Object.entries(options.extra ?? {})) {
    if (OWN.has(name)) throw argumentError(`"extra.${name}" would replace a parameter of the grant`);
    requireString(value, `extra.${name}`);
  }
}
async function tokenExchange(transport, options) {
  const parameters = { ...options.extra };
  parameters.subject_token_type = options.subjectTokenType;
  parameters.subject_token = options.subjectToken;
  if (options.audience !== void 0) parameters.audience = options.audience;
  if (options.scope !== void 0) parameters.scope = options.scope;
  if (options.requestedTokenType !== void 0) parameters.requested_token_type = options.requestedTokenType;
  if (options.organization !== void 0) parameters.organization = options.organization;
  if (options.actorToken !== void 0 && options.actorTokenType !== void 0) {
    parameters.actor_token = options.actorToken;
    parameters.actor_token_type = options.actorTokenType;
  }
  await transport.keys.ready();
  const response = await runExchange(
    transport,
    parameters,
    "The authorization server refused the token exchange"
  );
  const claims = await validatedClaims(transport, response);
  const act = actOf(claims) ?? actOf(jwtClaims(response.access_token));
  return { tokens: { ...toTokenResponse(response), ...act ? { act } : {} }, claims };
}
async function runExchange(transport, parameters, message) {
  try {
    return await exchangeGrant(transport, TOKEN_EXCHANGE_GRANT, parameters);
  } catch (err) {
    throw refusedAs(
      err,
      (text, answer) => new TokenExchangeError("token_exchange_error", text, answer, { cause: sanitize(answer) }),
      message
    );
  }
}
function actOf(claims) {
  const act = claims?.act;
  return isRecord(act) && typeof act.sub === "string" ? { ...act, sub: act.sub } : void 0;
}
function jwtClaims(token) {
  try {
    return decodeJwt(token);
  } catch {
    return void 0;
  }
}
async function loginWithTokenExchange(ctx, options, storeOptions) {
  const scope = [.../* @__PURE__ */ new Set(["openid", ...scopesOf(options.scope ?? ctx.scope)])].join(" ");
  const audience = options.audience ?? ctx.audience;
  const { tokens, claims } = await tokenExchange(ctx.transport, {
    ...options,
    scope,
    ...audience === void 0 ? {} : { audience }
  });
  if (!claims) {
    throw new TokenExchangeError(
      "token_exchange_error",
      "The token exchange answered no ID token: no session can be created from it"
    );
  }
  const session = loggedIn({ tokens, claims }, { audience: audience ?? DEFAULT_AUDIENCE, scope });
  await ctx.sessions.update(() => session, storeOptions);
  return {};
}
var ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
async function requestSessionTransferToken(ctx, options, storeOptions) {
  checkExchangeOptions(
    {
      subjectToken: options?.subjectToken,
      subjectTokenType: options?.subjectTokenType,
      scope: options?.scope,
      organization: options?.organization,
      ...options?.extra ? { extra: options.extra } : {}
    },
    true
  );
  if (options.actor !== void 0) {
    requireString(options.actor?.token, "actor.token");
    optionalString(options.actor.type, "actor.type");
  }
  const actor = options.actor ?? await sessionActor(ctx, storeOptions);
  const parameters = {
    ...options.extra,
    subject_token: options.subjectToken,
    subject_token_type: options.subjectTokenType,
    audience: `urn:${ctx.issuer.host}:session_transfer`,
    actor_token: actor.token,
    actor_token_type: actor.type ?? ID_TOKEN_TYPE
  };
  if (options.scope !== void 0) parameters.scope = options.scope;
  if (options.organization !== void 0) parameters.organization = options.organization;
  const response = await runExchange(
    ctx.transport,
    parameters,
    "The authorization server refused the session transfer token"
  );
  const issued = response.issued_token_type;
  return {
    sessionTransferToken: response.access_token,
    issuedTokenType: typeof issued === "string" ? issued : "",
    expiresIn: typeof response.expires_in === "number" ? response.expires_in : 60,
    // oauth4webapi lowercases it; the server says `N_A`.
    tokenType: response.token_type.toUpperCase(),
    ...response.scope === void 0 ? {} : { scope: response.scope }
  };
}
async function sessionActor(ctx, storeOptions) {
  const idToken = (await ctx.sessions.get(storeOptions))?.idToken;
  let exp;
  try {
    exp = idToken === void 0 ? void 0 : decodeJwt(idToken).exp;
  } catch {
    exp = void 0;
  }
  if (idToken === void 0 || typeof exp !== "number" || exp <= Date.now() / 1e3) {
    throw new TokenExchangeError(
      "actor_unavailable",
      'No actor for the session transfer: pass "actor", or call it with a logged-in session whose ID token is unexpired'
    );
  }
  return { token: idToken };
}
function buildSessionTransferRedirect(targetLoginUrl, result, options = {}) {
  requireString(targetLoginUrl, "targetLoginUrl");
  requireString(result?.sessionTransferToken, "result.sessionTransferToken");
  optionalString(options?.organization, "organization");
  if (!URL.canParse(targetLoginUrl)) throw argumentError('"targetLoginUrl" must be an absolute URL');
  const url = new URL(targetLoginUrl);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
    throw argumentError('"targetLoginUrl" must be an https URL (plain http only on a loopback host)');
  }
  url.searchParams.set("session_transfer_token", result.sessionTransferToken);
  if (options.organization !== void 0) url.searchParams.set("organization", options.organization);
  return url;
}

// src/client.ts
var ServerClient = class _ServerClient {
  /** Multi-factor authentication: list, enroll, challenge and verify factors with an encrypted mfa token. */
  mfa;
  #config;
  #transport;
  #transactionStore;
  #binding;
  #sessions;
  #replay;
  #accessTokens;
  #needStoreOptions;
  static {
    redactedView(_ServerClient, (client) => ({
      issuer: client.#config.issuer.href,
      clientId: client.#config.clientId
    }));
  }
  /**
   * @throws {TypeError} naming the option that is missing or malformed.
   */
  constructor(options) {
    const config = resolveConfig(options);
    this.#config = config;
    this.#needStoreOptions = storeOptionsCheck(config);
    const stores = resolveStores(config);
    this.#transactionStore = stores.transactionStore;
    this.#binding = config.cookieHandler && new TransactionBinding(
      config.cookieHandler,
      cookieAttributes(transactionCookies(config), secureByDefault(appOrigin(config)))
    );
    this.#replay = config.replayStore ?? new ReplayCache();
    const tokens = createMfaTokens({
      secrets: config.secrets,
      clientId: config.clientId,
      issuer: config.issuer,
      ttlSeconds: config.mfaTokenTtl
    });
    this.#transport = new Transport({
      issuer: config.issuer,
      clientId: config.clientId,
      clientAuth: createClientAuth(config.clientAuth),
      fetch: createFunnelFetch({ fetch: config.fetch, timeoutMs: config.httpTimeout }),
      clockTolerance: config.clockTolerance,
      onErrorAnswer: tokens.sealRequired
    });
    this.#sessions = createSessionOwner({
      store: stores.stateStore,
      identifier: config.stateIdentifier,
      coordinator: config.coordinator
    });
    this.#accessTokens = {
      transport: this.#transport,
      sessions: this.#sessions,
      flights: new SingleFlight(),
      share: config.coordinator && new RefreshShare(config.coordinator, config.secrets, config.refreshShareTtl),
      leeway: config.tokenRefreshLeeway,
      defaultAudience: config.authorizationParams.audience ?? DEFAULT_AUDIENCE
    };
    this.mfa = new MfaClient({
      transport: this.#transport,
      tokens,
      sessions: this.#sessions,
      getAccessToken: (opts, storeOptions) => this.getAccessToken(opts, storeOptions),
      defaultAudience: config.authorizationParams.audience
    });
  }
  /**
   * Starts a login: keeps a transaction (PKCE verifier, state, nonce, appState) under
   * `<transactionIdentifier>.<state>` and returns the URL to redirect the browser to. With a
   * `cookieHandler`, the transaction is bound to this browser (whatever the transaction store): only
   * a callback in the same browser completes it, and a browser keeps at most three pending logins,
   * the newest.
   *
   * @throws {TypeError} when no `redirect_uri` is configured or given, or when `storeOptions` are given
   *   (a browser's request) with a server-side `transactionStore` and no `cookieHandler` to bind to it.
   * @throws {RequestError} `request_failed` / `request_timeout` / `invalid_response` (discovery, PAR).
   * @throws {ServerError} `server_error` when the PAR endpoint refuses the request.
   * @example
   * ```ts
   * res.redirect((await client.startInteractiveLogin({ appState: { returnTo: '/' } }, { req, res })).href);
   * ```
   */
  async startInteractiveLogin(options = {}, storeOptions) {
    this.#needStoreOptions(storeOptions, "startInteractiveLogin");
    if (!this.#binding && storeOptions !== void 0 && !(this.#transactionStore instanceof CookieTransactionStore))
      throw argumentError(
        '"cookieHandler" is required to bind a login to the browser that starts it when "transactionStore" keeps transactions on the server',
        "ERR_INVALID_ARG_TYPE"
      );
    const started = await buildAuthorizationRequest(
      this.#transport,
      this.#config.authorizationParams,
      options
    );
    const key = this.#transactionKey(started.state);
    const keeping = this.#binding ? this.#binding.keep(
      this.#transactionStore,
      (state) => this.#transactionKey(state),
      started.state,
      started.transaction,
      storeOptions
    ) : this.#transactionStore.set(key, started.transaction, false, storeOptions);
    await keeping.catch((err) => Promise.reject(storeFailure(err, "transaction")));
    return started.url;
  }
  /**
   * Completes a login from the callback URL: finds the transaction by `state`, deletes it (a callback
   * URL works once), exchanges the code, validates the ID token and writes a new session.
   *
   * @throws {CallbackError} `missing_transaction` (its `transaction` names the key looked up) or
   *   `invalid_callback` (the server's `error` / `errorDescription`, or no well-formed state, or no
   *   code). Values from the callback URL are never in the message.
   * @throws {IdTokenValidationError} `id_token_invalid`, naming the claim.
   * @throws {ServerError} `server_error` when the code is refused; {@link RequestError} on transport failures.
   * @throws {StoreError} `store_unavailable` when the transaction or session store fails (not `missing_transaction`).
   * @example
   * ```ts
   * const { appState } = await client.completeInteractiveLogin<{ returnTo: string }>(fullUrl, { req, res });
   * ```
   */
  async completeInteractiveLogin(url, storeOptions) {
    this.#needStoreOptions(storeOptions, "completeInteractiveLogin");
    const callback = new URL(url);
    const echoed = wellFormedState(callback);
    if (callback.searchParams.has("error") && echoed !== void 0) {
      await this.#transactionStore.delete(this.#transactionKey(echoed), storeOptions).catch(() => void 0);
      this.#binding?.release(echoed, storeOptions);
    }
    const state = callbackState(callback);
    const key = this.#transactionKey(state);
    const transaction = await this.#readTransaction(key, storeOptions);
    if (!transaction || transaction.state !== state) {
      throw new CallbackError(
        "missing_transaction",
        "No login transaction matches the callback (see the transaction field): its cookie is missing or expired, the callback was already used, or the state was altered",
        { transaction: key }
      );
    }
    if (this.#binding && !await this.#binding.matches(transaction.binding, storeOptions)) {
      throw new CallbackError(
        "missing_transaction",
        "The login transaction of this callback was started in another browser (see the transaction field): start the login again here",
        { transaction: key }
      );
    }
    await this.#transport.keys.ready();
    await this.#transactionStore.delete(key, storeOptions).catch((err) => Promise.reject(storeFailure(err, "transaction")));
    this.#binding?.release(state, storeOptions);
    const { response, claims } = await exchangeCode(this.#transport, callback, transaction);
    const session = loggedIn(
      { tokens: toTokenResponse(response), claims },
      { audience: transaction.audience ?? this.#defaultAudience, scope: transaction.scope }
    );
    await this.#sessions.update(() => session, storeOptions);
    return transaction.appState === void 0 ? {} : { appState: appStateOf(transaction) };
  }
  /**
   * The logged-in user's claims, or `undefined` without a (valid) session. Never throws for a bad cookie.
   *
   * @example
   * ```ts
   * const user = await client.getUser({ req, res });
   * ```
   */
  async getUser(storeOptions) {
    this.#needStoreOptions(storeOptions, "getUser");
    return (await this.#readSession(storeOptions))?.user;
  }
  /**
   * The session, or `undefined`: an expired, tampered or foreign cookie reads as no session and
   * never throws.
   *
   * @example
   * ```ts
   * const session = await client.getSession({ req, res });
   * ```
   */
  getSession(storeOptions) {
    try {
      this.#needStoreOptions(storeOptions, "getSession");
    } catch (err) {
      return Promise.reject(err);
    }
    return this.#sessions.get(storeOptions).then(publicSession, noSession);
  }
  /**
   * An access token for `audience` (default: the configured one) and `scope`: the stored one while it
   * is more than `tokenRefreshLeeway` seconds from expiry, else a refreshed one. Concurrent callers
   * share one refresh; a failed refresh leaves the session as it was.
   *
   * @throws {LoginRequiredError} `login_required`: no session, no refresh token, or `invalid_grant`.
   * @throws {MfaRequiredError} `mfa_required`, with an encrypted mfa token bound to this session.
   * @throws {ServerError} `server_error`; {@link RequestError} `request_failed` / `request_timeout` / `invalid_response`.
   * @throws {StoreError} `store_unavailable` / `lock_timeout`: the session store or lock failed (retryable).
   * @example
   * ```ts
   * const { accessToken } = await client.getAccessToken({ audience: 'https://api.example.com' }, { req, res });
   * ```
   */
  async getAccessToken(options = {}, storeOptions) {
    this.#needStoreOptions(storeOptions, "getAccessToken");
    optionalString(options?.audience, "audience");
    optionalString(options?.scope, "scope");
    return getAccessToken(this.#accessTokens, options, storeOptions);
  }
  /**
   * The user's access token for a federated connection (Auth0 Token Vault: Google, GitHub, ...):
   * the one kept in the session while it is more than `tokenRefreshLeeway` seconds from expiry,
   * else a new one for the session's refresh token, kept per connection. One request per session
   * and connection, across processes too, as for `getAccessToken`.
   *
   * @throws {LoginRequiredError} `login_required`: no session, or no refresh token in it.
   * @throws {TokenForConnectionError} `token_for_connection_error`: the server refused the exchange.
   * @throws {StoreError} `store_unavailable` / `lock_timeout`; {@link RequestError} on transport failures.
   * @example
   * ```ts
   * const { accessToken } = await client.getAccessTokenForConnection({ connection: 'google-oauth2' }, { req, res });
   * ```
   */
  async getAccessTokenForConnection(options, storeOptions) {
    this.#needStoreOptions(storeOptions, "getAccessTokenForConnection");
    requireString(options?.connection, "connection");
    optionalString(options.loginHint, "loginHint");
    return getAccessTokenForConnection(this.#accessTokens, options, storeOptions);
  }
  /**
   * Exchanges a token from elsewhere for Auth0 tokens (Custom Token Exchange, RFC 8693), with no
   * session involved. The options are checked before any request (see {@link CustomTokenExchangeOptions}).
   *
   * @throws {TypeError} naming the option Auth0 would refuse (a padded or `Bearer ` subject token, a reserved type).
   * @throws {TokenExchangeError} `token_exchange_error`: the server refused the exchange.
   * @throws {IdTokenValidationError} `id_token_invalid`; {@link RequestError} on transport failures.
   * @example
   * ```ts
   * const { accessToken, act } = await client.customTokenExchange({ subjectTokenType: 'urn:acme:legacy-token', subjectToken });
   * ```
   */
  async customTokenExchange(options) {
    checkExchangeOptions(options);
    const audience = options.audience ?? this.#config.authorizationParams.audience;
    const { tokens } = await tokenExchange(this.#transport, {
      ...options,
      ...audience === void 0 ? {} : { audience }
    });
    return tokens;
  }
  /**
   * Logs a user in from a token from elsewhere (Custom Token Exchange, RFC 8693): `openid` is added
   * to the scope, the ID token is validated and a new session is written, as a login would.
   *
   * @throws {TypeError} naming the option Auth0 would refuse.
   * @throws {TokenExchangeError} `token_exchange_error`: refused, or answered without an ID token.
   * @throws {IdTokenValidationError}; {@link StoreError}; {@link RequestError}.
   * @example
   * ```ts
   * await client.loginWithCustomTokenExchange({ subjectTokenType: 'urn:acme:legacy-token', subjectToken }, { req, res });
   * ```
   */
  async loginWithCustomTokenExchange(options, storeOptions) {
    this.#needStoreOptions(storeOptions, "loginWithCustomTokenExchange");
    checkExchangeOptions(options);
    return loginWithTokenExchange(
      {
        transport: this.#transport,
        sessions: this.#sessions,
        audience: this.#config.authorizationParams.audience,
        scope: this.#config.authorizationParams.scope
      },
      options,
      storeOptions
    );
  }
  /**
   * A session transfer token (native-to-web single sign-on, impersonation by an agent): a Custom
   * Token Exchange for the audience `urn:<domain>:session_transfer`, with `actor` or the session's
   * ID token as the actor. Hand the result to {@link buildSessionTransferRedirect}; never keep it.
   *
   * @throws {TypeError} naming the option, before any request.
   * @throws {TokenExchangeError} `actor_unavailable` (before any request) or `token_exchange_error`.
   * @example
   * ```ts
   * const stt = await client.requestSessionTransferToken({ subjectTokenType: 'urn:acme:customer', subjectToken }, { req, res });
   * res.redirect(client.buildSessionTransferRedirect('https://web.example.com/auth/login', stt).href);
   * ```
   */
  async requestSessionTransferToken(options, storeOptions) {
    if (options?.actor === void 0) this.#needStoreOptions(storeOptions, "requestSessionTransferToken");
    return requestSessionTransferToken(
      { transport: this.#transport, sessions: this.#sessions, issuer: this.#config.issuer },
      options,
      storeOptions
    );
  }
  /**
   * `targetLoginUrl` (the target app's login route: absolute, https or loopback http) with the
   * session transfer token, and `organization`, added to its query. No request, no session change.
   *
   * @throws {TypeError} naming the argument.
   */
  buildSessionTransferRedirect(targetLoginUrl, result, options) {
    return buildSessionTransferRedirect(targetLoginUrl, result, options);
  }
  /**
   * Exchanges a refresh token for new tokens, with no session involved.
   *
   * @throws {LoginRequiredError} `login_required` when the server answers `invalid_grant`.
   * @throws {MfaRequiredError} `mfa_required`, with an encrypted mfa token bound to this client and issuer.
   * @throws {IdTokenValidationError} `id_token_invalid`; {@link ServerError}; {@link RequestError}.
   * @example
   * ```ts
   * const tokens = await client.getTokenByRefreshToken({ refreshToken, audience: 'https://api.example.com' });
   * ```
   */
  async getTokenByRefreshToken(options) {
    requireString(options?.refreshToken, "refreshToken");
    optionalString(options.audience, "audience");
    optionalString(options.scope, "scope");
    const audience = options.audience ?? this.#config.authorizationParams.audience;
    const { response } = await refreshTokenGrant(
      this.#transport,
      options.refreshToken,
      { audience, scope: options.scope },
      { invalidGrant: "login_required", binding: { audience, scope: options.scope } }
    );
    return toTokenResponse(response);
  }
  /**
   * Deletes the session and returns the URL that ends the user's session at Auth0.
   *
   * @throws {RequestError} when discovery fails (the local session is deleted already).
   * @throws {StoreError} `store_unavailable` / `lock_timeout` when the session could not be deleted.
   * @example
   * ```ts
   * res.redirect((await client.logout({ returnTo: 'https://app.example.com/' }, { req, res })).href);
   * ```
   */
  async logout(options = {}, storeOptions) {
    this.#needStoreOptions(storeOptions, "logout");
    if (options?.returnTo !== void 0 && !URL.canParse(options.returnTo)) {
      throw argumentError('"returnTo" must be an absolute URL');
    }
    let idToken;
    await this.#sessions.update((current) => {
      idToken = current?.idToken;
      return null;
    }, storeOptions);
    return buildLogoutUrl(this.#transport, options, idToken);
  }
  /**
   * Handles an OIDC back-channel logout: validates the logout token completely, then removes the
   * matching sessions with `stateStore.deleteByLogoutToken`.
   *
   * @throws {BackchannelLogoutError} `logout_token_invalid` (naming the claim) or
   *   `backchannel_logout_unsupported` (a store that cannot find sessions by `sid`/`sub`).
   * @throws {RequestError} when discovery or the JWKS cannot be fetched.
   * @example
   * ```ts
   * await client.handleBackchannelLogout(form.get('logout_token') ?? '');
   * ```
   */
  async handleBackchannelLogout(logoutToken, storeOptions) {
    const claims = await validateLogoutToken(this.#transport, logoutToken, this.#replay);
    await this.#sessions.deleteByLogoutToken(
      {
        iss: claims.iss,
        ...claims.sid ? { sid: claims.sid } : {},
        ...claims.sub ? { sub: claims.sub } : {}
      },
      storeOptions
    );
    await this.#replay.add(claims.replayKey, claims.keepUntil);
  }
  /**
   * The session for the two read-only calls whose contract is "never throws": a store that fails to
   * read reads as no session here, while token operations let a store outage surface as an error.
   */
  #readSession(storeOptions) {
    return this.#sessions.get(storeOptions).catch(noSession);
  }
  get #defaultAudience() {
    return this.#config.authorizationParams.audience ?? DEFAULT_AUDIENCE;
  }
  #transactionKey(state) {
    return `${this.#config.transactionIdentifier}.${state}`;
  }
  /** The transaction under `key`; a failing store is a `StoreError`, not a missing transaction. */
  async #readTransaction(key, storeOptions) {
    try {
      return await this.#transactionStore.get(key, storeOptions);
    } catch (err) {
      throw storeFailure(err, "transaction");
    }
  }
};
var noSession = () => void 0;
function publicSession(state) {
  if (!state) return void 0;
  const { internal, ...session } = state;
  return session;
}
function resolveStores(config) {
  const { cookieHandler, secrets, session } = config;
  const appBaseUrl = appOrigin(config);
  const stateStore = config.stateStore ?? (cookieHandler && new StatelessStateStore({ ...session, secret: secrets, appBaseUrl }, cookieHandler));
  const transactionStore = config.transactionStore ?? (cookieHandler && new CookieTransactionStore(
    { secret: secrets, appBaseUrl, cookie: transactionCookies(config) },
    cookieHandler
  ));
  if (!stateStore || !transactionStore)
    throw argumentError('"stateStore" and "transactionStore" are required', "ERR_INVALID_ARG_TYPE");
  return { stateStore, transactionStore };
}
function appOrigin(config) {
  const redirect = config.authorizationParams.redirect_uri;
  return typeof redirect === "string" ? new URL(redirect).origin : void 0;
}
function transactionCookies(config) {
  const { secure, path, domain } = config.session.cookie ?? {};
  return { secure, path, domain };
}
function appStateOf(transaction) {
  return transaction.appState;
}

export { BACKCHANNEL_LOGOUT_EVENT, CookieTransactionStore, MemorySessionStore, MemoryStateStore, MemoryTransactionStore, ServerClient, StatefulStateStore, StatelessStateStore, challengeTypeOf, factorTypeOf, parseCookieHeader, serializeCookie };
//# sourceMappingURL=chunk-MNDSTJKT.js.map
//# sourceMappingURL=chunk-MNDSTJKT.js.map