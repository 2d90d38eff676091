import { Auth0Error, cookieName } from './chunk-2UU3TTTI.js';
import { base64url } from 'jose';

// src/errors/request-error.ts
var RequestError = class extends Auth0Error {
  code;
  /** @param answer the status of an answer that arrived but could not be used. */
  constructor(code, message, answer, options) {
    super(message, answer, options);
    this.code = code;
  }
};

// src/errors/server-error.ts
var ServerError = class extends Auth0Error {
  code = "server_error";
};

// src/errors/login-required-error.ts
var LoginRequiredError = class extends Auth0Error {
  code = "login_required";
};

// src/errors/callback-error.ts
var CallbackError = class extends Auth0Error {
  code;
  /** The name of the transaction cookie (or store key) that was looked up, when that failed. */
  transaction;
  /** @param details the server's answer, and the `transaction` key that was looked up. */
  constructor(code, message, details = {}, options) {
    super(message, details, options);
    this.code = code;
    this.transaction = details.transaction;
  }
  /** The safe fields and `transaction`. */
  toJSON() {
    return { ...super.toJSON(), transaction: this.transaction };
  }
};

// src/errors/id-token-error.ts
var IdTokenValidationError = class extends Auth0Error {
  code;
  /** The claim that failed, or `undefined` for the signature or the token's form. */
  claim;
  /**
   * @param claim the claim that failed, if one did.
   * @param options.code default `id_token_invalid`.
   */
  constructor(message, claim, options) {
    super(message, {}, options);
    this.code = options?.code ?? "id_token_invalid";
    this.claim = claim;
  }
  /** The safe fields and `claim`. */
  toJSON() {
    return { ...super.toJSON(), claim: this.claim };
  }
};

// src/errors/backchannel-logout-error.ts
var BackchannelLogoutError = class extends Auth0Error {
  code;
  /** The claim that failed validation, when one did. */
  claim;
  /** @param claim the claim that failed, for `logout_token_invalid`. */
  constructor(code, message, claim, options) {
    super(message, {}, options);
    this.code = code;
    this.claim = claim;
  }
  /** The safe fields and `claim`. */
  toJSON() {
    return { ...super.toJSON(), claim: this.claim };
  }
};

// src/errors/session-too-large-error.ts
var SessionTooLargeError = class extends Auth0Error {
  code = "session_too_large";
  /** Bytes of `Set-Cookie` headers the session needed. */
  size;
  /** The cap, in bytes. */
  limit;
  /** @param size bytes the session needed; @param limit the cap. */
  constructor(size, limit) {
    super(
      `The session needs ${size} bytes of cookies, over the ${limit}-byte cap, even without access tokens: keep fewer claims in it, or use a StatefulStateStore`
    );
    this.size = size;
    this.limit = limit;
  }
  /** The safe fields, `size` and `limit`. */
  toJSON() {
    return { ...super.toJSON(), size: this.size, limit: this.limit };
  }
};

// src/errors/mfa-errors.ts
var MfaRequiredError = class extends Auth0Error {
  code = "mfa_required";
  /** What the server asks for: factors to challenge or to enroll. */
  mfaRequirements;
  /** @param mfaToken the ENCRYPTED token; the raw one must never reach an error. */
  constructor(mfaToken, mfaRequirements, answer = {}) {
    super("The authorization server requires multi-factor authentication", {
      error: "mfa_required",
      ...answer
    });
    Object.defineProperty(this, "mfaToken", { value: mfaToken, enumerable: false });
    this.mfaRequirements = mfaRequirements;
  }
  /** The safe fields and `mfaRequirements`; the mfa token is left out (see {@link mfaToken}). */
  toJSON() {
    return { ...super.toJSON(), mfaRequirements: this.mfaRequirements };
  }
};
var MfaTokenExpiredError = class extends Auth0Error {
  code = "mfa_token_expired";
};
var MfaTokenInvalidError = class extends Auth0Error {
  code = "mfa_token_invalid";
};

// src/errors/token-exchange-errors.ts
var TokenForConnectionError = class extends Auth0Error {
  code = "token_for_connection_error";
};
var TokenExchangeError = class extends Auth0Error {
  code;
  constructor(code, message, answer, options) {
    super(message, answer, options);
    this.code = code;
  }
};

// src/errors/any-error.ts
function isAuth0Error(value) {
  return value instanceof Auth0Error;
}
var MAX_PENDING_LOGINS = 3;
var BINDING_COOKIE = "__a0_txb";
var KEY_SHAPE = /^[A-Za-z0-9_-]{43}$/;
var STATE_SHAPE = /^[A-Za-z0-9_-]{1,128}$/;
var encoder = new TextEncoder();
var TransactionBinding = class {
  #cookies;
  #attributes;
  #name;
  /** @param attributes the cookie's attributes, the transaction cookies' (`SameSite=Lax`: the callback is a cross-site navigation). */
  constructor(cookies, attributes) {
    this.#cookies = cookies;
    this.#attributes = attributes;
    this.#name = cookieName(BINDING_COOKIE, attributes);
  }
  /**
   * Keeps `transaction` (the login `state`'s) in `store` under `keyOf(state)`, bound to this browser,
   * and deletes the logins it displaced from the browser's pending ones.
   */
  async keep(store, keyOf, state, transaction, storeOptions) {
    const { binding, displaced } = await this.#bind(state, storeOptions);
    await Promise.all([
      store.set(keyOf(state), { ...transaction, binding }, false, storeOptions),
      ...displaced.map((old) => store.delete(keyOf(old), storeOptions))
    ]);
  }
  /**
   * Adds the login `state` to the browser's pending logins (making the browser's key when it has
   * none) and returns the hash the transaction keeps, with the states of the logins it displaced.
   */
  async #bind(state, storeOptions) {
    const held = this.#read(storeOptions);
    const key = held?.key ?? base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
    const pending = [...(held?.states ?? []).filter((s) => s !== state), state];
    const displaced = pending.splice(0, Math.max(0, pending.length - MAX_PENDING_LOGINS));
    this.#write(key, pending, storeOptions);
    return { binding: await hash(key), displaced };
  }
  /** Whether this browser holds the key whose hash is `binding`; a missing binding never matches. */
  async matches(binding, storeOptions) {
    const key = this.#read(storeOptions)?.key;
    if (key === void 0 || typeof binding !== "string") return false;
    return constantTimeEqual(await hash(key), binding);
  }
  /** Takes `state` off the browser's pending logins (its login is over); the cookie goes with the last one. */
  release(state, storeOptions) {
    const held = this.#read(storeOptions);
    if (!held?.states.includes(state)) return;
    this.#write(
      held.key,
      held.states.filter((s) => s !== state),
      storeOptions
    );
  }
  /** The browser's key and pending states, or `undefined` when the cookie is absent or malformed. */
  #read(storeOptions) {
    const value = this.#cookies.getCookie(this.#name, storeOptions);
    if (value === void 0) return void 0;
    const [key, ...states] = value.split(".");
    if (key === void 0 || !KEY_SHAPE.test(key)) return void 0;
    return { key, states: states.filter((s) => STATE_SHAPE.test(s)).slice(-MAX_PENDING_LOGINS) };
  }
  #write(key, states, storeOptions) {
    if (states.length === 0) this.#cookies.deleteCookie(this.#name, storeOptions, this.#attributes);
    else this.#cookies.setCookie(this.#name, [key, ...states].join("."), this.#attributes, storeOptions);
  }
};
async function hash(key) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(key)));
  return base64url.encode(digest.subarray(0, 16));
}
function constantTimeEqual(a, b) {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ (i < b.length ? b.charCodeAt(i) : 0);
  return diff === 0;
}

export { BackchannelLogoutError, CallbackError, IdTokenValidationError, LoginRequiredError, MAX_PENDING_LOGINS, MfaRequiredError, MfaTokenExpiredError, MfaTokenInvalidError, RequestError, ServerError, SessionTooLargeError, TokenExchangeError, TokenForConnectionError, TransactionBinding, isAuth0Error };
//# sourceMappingURL=chunk-M4OAD6WH.js.map
//# sourceMappingURL=chunk-M4OAD6WH.js.map