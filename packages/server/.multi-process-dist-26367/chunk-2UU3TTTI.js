import { jwtDecrypt, errors, EncryptJWT, base64url } from 'jose';

// src/lib/redact.ts
var INSPECT = /* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom");
function redactedView(target, view, options = {}) {
  Object.defineProperty(target.prototype, INSPECT, {
    configurable: true,
    value(_depth, inspectOptions, inspect) {
      const fields = view(this);
      const body = inspect ? inspect(fields, inspectOptions) : JSON.stringify(fields);
      const head = options.stack && this instanceof Error ? this.stack ?? `${this.name}: ${this.message}` : target.name;
      return `${head} ${body}`;
    }
  });
  if (options.json !== false) {
    Object.defineProperty(target.prototype, "toJSON", {
      configurable: true,
      value() {
        return view(this);
      }
    });
  }
}

// src/errors/auth0-error.ts
var Auth0Error = class extends Error {
  /** The server's OAuth `error` string, when a server answer caused the error. */
  error;
  /** The server's `error_description`. */
  errorDescription;
  /** The HTTP status of the server's answer. */
  status;
  /** Seconds the server asked to wait (`Retry-After`) before trying again. */
  retryAfter;
  /**
   * @param message written by the SDK; never a token, code, secret or cookie value.
   * @param answer what the server said, when it answered.
   * @param options.cause a sanitized copy of the underlying failure.
   */
  constructor(message, answer = {}, options) {
    super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.error = answer.error;
    this.errorDescription = answer.errorDescription;
    this.status = answer.status;
    this.retryAfter = answer.retryAfter;
  }
  /** The safe fields, for logging: `JSON.stringify(err)` gives the same. */
  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      error: this.error,
      errorDescription: this.errorDescription,
      status: this.status,
      retryAfter: this.retryAfter
    };
  }
};
redactedView(Auth0Error, (err) => ({ ...err.toJSON(), cause: err.cause }), { json: false, stack: true });

// src/errors/sanitize.ts
function sanitize(err) {
  if (!(err instanceof Error)) return new Error("Unknown failure");
  const copy = new Error(err.message.slice(0, 200));
  copy.name = err.name;
  return copy;
}

// src/errors/store-error.ts
var StoreError = class extends Auth0Error {
  code;
  /** Always `true`: the same call may succeed when it is made again. */
  retryable = true;
  /** @param options.cause the backend's failure; only its name and message are kept. */
  constructor(code, message, options) {
    super(message, {}, options?.cause === void 0 ? void 0 : { cause: sanitize(options.cause) });
    this.code = code;
  }
  /** The safe fields and `retryable`. */
  toJSON() {
    return { ...super.toJSON(), retryable: this.retryable };
  }
};
function storeFailure(err, what) {
  if (err instanceof Auth0Error || err instanceof TypeError || err instanceof RangeError) return err;
  return new StoreError("store_unavailable", `The ${what} store is unavailable; try again`, { cause: err });
}

// src/lib/is-record.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/lib/validate.ts
function argumentError(message, code = "ERR_INVALID_ARG_VALUE") {
  return Object.assign(new TypeError(message), { code });
}
function requireString(value, field) {
  if (typeof value !== "string") {
    throw argumentError(`"${field}" must be a non-empty string`, "ERR_INVALID_ARG_TYPE");
  }
  if (value.trim() === "") throw argumentError(`"${field}" must be a non-empty string`);
}
function optionalString(value, field) {
  if (value !== void 0) requireString(value, field);
}
function requireObject(value, field) {
  if (typeof value !== "object" || value === null) {
    throw argumentError(`"${field}" must be an object`, "ERR_INVALID_ARG_TYPE");
  }
}
function requireMethods(value, field, methods) {
  if (!isRecord(value) || !methods.every((m) => typeof value[m] === "function")) {
    throw argumentError(`"${field}" must have the methods ${methods.join(", ")}`, "ERR_INVALID_ARG_TYPE");
  }
}
function positiveNumber(value, field, fallback, unit) {
  return checkedNumber(value, field, fallback, unit, "a positive number", (n) => n > 0);
}
function nonNegativeNumber(value, field, fallback, unit) {
  return checkedNumber(value, field, fallback, unit, "a number of at least 0", (n) => n >= 0);
}
function checkedNumber(value, field, fallback, unit, what, accept) {
  if (value === void 0) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && accept(value)) return value;
  throw argumentError(
    `"${field}" must be ${what}${unit ? ` of ${unit}` : ""}`,
    typeof value === "number" ? "ERR_INVALID_ARG_VALUE" : "ERR_INVALID_ARG_TYPE"
  );
}
var COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function requireCookieName(value, field) {
  requireString(value, field);
  if (!COOKIE_NAME.test(value)) throw argumentError(`"${field}" must be a valid cookie name`);
}
var MIN_SECRET_LENGTH = 32;
function secretList(secret, field = "secret") {
  const list = typeof secret === "string" ? [secret] : secret;
  if (!Array.isArray(list) || list.length === 0) {
    throw argumentError(
      `"${field}" must be a string of at least ${MIN_SECRET_LENGTH} characters, or a non-empty array of them`,
      Array.isArray(list) ? "ERR_INVALID_ARG_VALUE" : "ERR_INVALID_ARG_TYPE"
    );
  }
  return list.map((s, i) => {
    if (typeof s !== "string" || s.length < MIN_SECRET_LENGTH) {
      throw argumentError(
        `"${field}"${Array.isArray(secret) ? `[${i}]` : ""} must be a string of at least ${MIN_SECRET_LENGTH} characters`,
        typeof s === "string" ? "ERR_INVALID_ARG_VALUE" : "ERR_INVALID_ARG_TYPE"
      );
    }
    return s;
  });
}
var B64URL = /^[\w-]*$/;
var encoder = new TextEncoder();
var DOT = 46;
var decoder = new TextDecoder();
function compactKey(derived) {
  const header = base64url.encode(JSON.stringify({ alg: "dir", enc: "A256GCM", kid: derived.kid }));
  return { kid: derived.kid, key: derived.key, header, aad: encoder.encode(header) };
}
var IV_BATCH = 64;
var ivPool = new Uint8Array(0);
var ivNext = 0;
function nextIv() {
  if (ivNext === ivPool.length) {
    ivPool = crypto.getRandomValues(new Uint8Array(12 * IV_BATCH));
    ivNext = 0;
  }
  return ivPool.subarray(ivNext, ivNext += 12);
}
var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
var VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
function encodeSmall(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] ?? 0) << 16 | (bytes[i + 1] ?? 0) << 8 | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil((bytes.length - i) * 8 / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[n >> 18 - 6 * c & 63];
  }
  return out;
}
function decodeInto(text, start, out) {
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (let i = start; at < out.length; i++) {
    const v = VALUES[text.charCodeAt(i)] ?? -1;
    if (v < 0) return false;
    acc = (acc << 6 | v) & 65535;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = acc >> bits & 255;
    }
  }
  return true;
}
var ivScratch = new Uint8Array(12);
var tagScratch = new Uint8Array(16);
var IV_CHARS = 16;
var TAG_CHARS = 22;
function sealCompact(node, k, json) {
  const iv = nextIv();
  const cipher = node.createCipheriv("aes-256-gcm", k.key, iv);
  cipher.setAAD(k.aad);
  const ciphertext = cipher.update(json, "utf8", "base64url") + cipher.final("base64url");
  return `${k.header}..${encodeSmall(iv)}.${ciphertext}.${encodeSmall(cipher.getAuthTag())}`;
}
function openCompact(node, keys, value) {
  const headerEnd = value.indexOf(".");
  const ivStart = headerEnd + 2;
  const ciphertextStart = ivStart + IV_CHARS + 1;
  const tagStart = value.length - TAG_CHARS;
  if (headerEnd < 1 || value.charCodeAt(headerEnd + 1) !== DOT || value.charCodeAt(ciphertextStart - 1) !== DOT || value.charCodeAt(tagStart - 1) !== DOT || tagStart - 1 < ciphertextStart || value.indexOf(".", ivStart) !== ciphertextStart - 1 || value.indexOf(".", ciphertextStart) !== tagStart - 1 || (tagStart - 1 - ciphertextStart) % 4 === 1) {
    return void 0;
  }
  let k;
  for (const candidate of keys) {
    if (candidate.header.length === headerEnd && value.startsWith(candidate.header)) {
      k = candidate;
      break;
    }
  }
  const header = k ? void 0 : value.slice(0, headerEnd);
  if (header !== void 0) k = byHeader(keys, header);
  if (!k || !decodeInto(value, ivStart, ivScratch) || !decodeInto(value, tagStart, tagScratch)) {
    return void 0;
  }
  const ciphertext = value.slice(ciphertextStart, tagStart - 1);
  try {
    const decipher = node.createDecipheriv("aes-256-gcm", k.key, ivScratch, { authTagLength: 16 });
    decipher.setAAD(header === void 0 ? k.aad : encoder.encode(header));
    decipher.setAuthTag(tagScratch);
    const head = decipher.update(ciphertext, "base64url");
    const tail = decipher.final();
    if (head.length + tail.length !== Math.floor(ciphertext.length * 3 / 4)) return void 0;
    if (tail.length === 0) return head.toString("utf8");
    return decoder.decode(head, { stream: true }) + decoder.decode(tail);
  } catch {
    return void 0;
  }
}
function byHeader(keys, header) {
  if (!B64URL.test(header)) return void 0;
  let parsed;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(base64url.decode(header)));
  } catch {
    return void 0;
  }
  if (!isRecord(parsed) || parsed.alg !== "dir" || parsed.enc !== "A256GCM") return void 0;
  if (Object.keys(parsed).some((name) => name !== "alg" && name !== "enc" && name !== "kid"))
    return void 0;
  const { kid } = parsed;
  return keys.find((k) => k.kid === kid);
}
var cache = /* @__PURE__ */ new Map();
var encoder2 = new TextEncoder();
function deriveKey(secret, purpose) {
  const id = `${purpose}\0${secret}`;
  let derived = cache.get(id);
  if (!derived) {
    derived = derive(secret, purpose);
    cache.set(id, derived);
    derived.catch(() => cache.delete(id));
  }
  return derived;
}
async function derive(secret, purpose) {
  const ikm = await crypto.subtle.importKey("raw", encoder2.encode(secret), "HKDF", false, ["deriveBits"]);
  const hkdf = (info) => crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder2.encode(info) },
    ikm,
    256
  );
  const key = new Uint8Array(await hkdf(`auth0-server-ts ${purpose} key`));
  const kidHash = new Uint8Array(
    await crypto.subtle.digest("SHA-256", await hkdf(`auth0-server-ts ${purpose} kid`))
  );
  const cryptoKey = await crypto.subtle.importKey("raw", key, "AES-GCM", false, ["encrypt", "decrypt"]);
  return { kid: base64url.encode(kidHash).slice(0, 12), key, cryptoKey };
}

// src/crypto/runtime.ts
var KAT_CIPHERTEXT = "cea7403d4d606b6e074ec5d3baf39d18";
var KAT_TAG = "d0d1c8a799996bf0265b98b5d48ab919";
function detectNodeCrypto(proc) {
  try {
    const mod = proc?.getBuiltinModule?.("node:crypto");
    if (!isNodeCrypto(mod)) return void 0;
    const zero = new Uint8Array(32);
    const cipher = mod.createCipheriv("aes-256-gcm", zero, zero.subarray(0, 12));
    const ciphertext = cipher.update(zero.subarray(0, 16), void 0, "hex") + cipher.final("hex");
    return ciphertext === KAT_CIPHERTEXT && hex(cipher.getAuthTag()) === KAT_TAG ? mod : void 0;
  } catch {
    return void 0;
  }
}
function isNodeCrypto(mod) {
  return isRecord(mod) && typeof mod.createCipheriv === "function" && typeof mod.createDecipheriv === "function";
}
function hex(bytes) {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}
var found;
function nodeCrypto() {
  const proc = Reflect.get(globalThis, "process");
  found ??= { crypto: detectNodeCrypto(isRecord(proc) ? processLike(proc) : void 0) };
  return found.crypto;
}
function processLike(proc) {
  const get = proc.getBuiltinModule;
  return typeof get === "function" ? { getBuiltinModule: (id) => get.call(proc, id) } : {};
}

// src/crypto/sealer.ts
function createSealer(secrets, purpose, engine = "auto") {
  if (secrets.length === 0) throw argumentError('"secret" must hold at least one secret');
  const node = engine === "webcrypto" ? void 0 : nodeCrypto();
  if (engine === "node" && !node)
    throw argumentError('"engine" is node, but this runtime has no usable node:crypto');
  let ready;
  let loading;
  const load = async () => {
    const derived = await Promise.all(secrets.map((s) => deriveKey(s, purpose)));
    const [encrypt] = derived;
    if (!encrypt) throw argumentError('"secret" must hold at least one secret');
    const compactEncrypt = compactKey(encrypt);
    return ready = {
      encrypt,
      byKid: new Map(derived.map((k) => [k.kid, k])),
      compact: derived.map(compactKey),
      compactEncrypt
    };
  };
  const keys = () => ready ?? (loading ??= load().finally(() => loading = void 0));
  return {
    async seal(payload, ttlSeconds) {
      const k = ready ?? await keys();
      const iat = Math.floor(Date.now() / 1e3);
      const exp = iat + Math.max(1, Math.floor(ttlSeconds));
      if (node) return sealCompact(node, k.compactEncrypt, JSON.stringify({ ...payload, iat, exp }));
      return new EncryptJWT(payload).setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: k.encrypt.kid }).setIssuedAt(iat).setExpirationTime(exp).encrypt(k.encrypt.cryptoKey);
    },
    async unseal(value, options) {
      const tolerance = options?.clockTolerance ?? 0;
      try {
        const k = ready ?? await keys();
        if (node) return openNode(node, k, value, tolerance);
        const { payload } = await jwtDecrypt(
          value,
          (header) => {
            const key = header.kid === void 0 ? void 0 : k.byKid.get(header.kid);
            if (!key) throw new errors.JWEDecryptionFailed();
            return key.cryptoKey;
          },
          {
            keyManagementAlgorithms: ["dir"],
            contentEncryptionAlgorithms: ["A256GCM"],
            clockTolerance: tolerance,
            requiredClaims: ["exp"]
          }
        );
        return { ok: true, payload };
      } catch (err) {
        return err instanceof errors.JWTExpired ? EXPIRED : INVALID;
      }
    },
    unsealNow(value, options) {
      return ready && node ? openNode(node, ready, value, options?.clockTolerance ?? 0) : void 0;
    }
  };
}
function openNode(node, k, value, tolerance) {
  const json = typeof value === "string" ? openCompact(node, k.compact, value) : void 0;
  if (json === void 0) return INVALID;
  try {
    return checkClaims(JSON.parse(json), tolerance);
  } catch {
    return INVALID;
  }
}
var INVALID = { ok: false, reason: "invalid" };
var EXPIRED = { ok: false, reason: "expired" };
function checkClaims(payload, tolerance) {
  if (!isPayload(payload)) return INVALID;
  const now = Math.floor(Date.now() / 1e3);
  const { exp, nbf, iat } = payload;
  if (typeof exp !== "number" || iat !== void 0 && typeof iat !== "number") return INVALID;
  if (nbf !== void 0 && (typeof nbf !== "number" || nbf > now + tolerance)) return INVALID;
  if (exp <= now - tolerance) return EXPIRED;
  return { ok: true, payload };
}
function isPayload(value) {
  return isRecord(value);
}

// src/lib/loopback.ts
function isLoopback(hostname) {
  return hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

// src/session/lifetime.ts
var DAY = 24 * 60 * 60;
function duration(value, fallback, field) {
  return Math.floor(positiveNumber(value, field, fallback, "seconds"));
}
function resolveSessionLifetime(config = {}) {
  if (config.rolling !== void 0 && typeof config.rolling !== "boolean") {
    throw argumentError('"rolling" must be a boolean', "ERR_INVALID_ARG_TYPE");
  }
  return {
    rolling: config.rolling ?? true,
    absoluteDuration: duration(config.absoluteDuration, 3 * DAY, "absoluteDuration"),
    inactivityDuration: duration(config.inactivityDuration, DAY, "inactivityDuration")
  };
}
function absoluteExpiry(lifetime, state) {
  const absolute = state.internal.createdAt + lifetime.absoluteDuration;
  const ceiling = state["sessionExpiresAt"];
  return typeof ceiling === "number" ? Math.min(absolute, ceiling) : absolute;
}
function sessionExpiry(lifetime, state, now) {
  const absolute = absoluteExpiry(lifetime, state);
  return lifetime.rolling ? Math.min(now + lifetime.inactivityDuration, absolute) : absolute;
}
function cookieAttributes(cookie, secureByDefault2) {
  const options = {
    httpOnly: true,
    sameSite: cookie?.sameSite ?? "lax",
    secure: cookie?.secure ?? secureByDefault2,
    path: cookie?.path ?? "/"
  };
  if (cookie?.domain !== void 0) options.domain = cookie.domain;
  return options;
}
var HOST_PREFIX = "__Host-";
function hostPrefixAllowed(attributes) {
  return attributes.secure === true && attributes.domain === void 0 && attributes.path === "/";
}
function secureByDefault(appBaseUrl) {
  if (appBaseUrl === void 0) return true;
  let url;
  try {
    url = new URL(appBaseUrl);
  } catch {
    throw argumentError('"appBaseUrl" must be an absolute URL');
  }
  return !(url.protocol === "http:" && isLoopback(url.hostname));
}

// src/stores/options.ts
function cookieStoreParts(options, cookieHandler, purpose) {
  requireObject(options, "options");
  requireMethods(cookieHandler, "cookieHandler", ["getCookie", "getCookies", "setCookie", "deleteCookie"]);
  const attributes = cookieAttributes(options.cookie, secureByDefault(options.appBaseUrl));
  return {
    sealer: createSealer(secretList(options.secret), purpose),
    attributes,
    cookies: cookieHandler,
    name: (identifier) => cookieName(identifier, attributes)
  };
}
function transactionTtl(ttl) {
  return Math.ceil(positiveNumber(ttl, "ttl", 15 * 60, "seconds"));
}
function cookieName(identifier, attributes) {
  if (identifier.startsWith(HOST_PREFIX) || identifier.startsWith("__Secure-")) return identifier;
  return hostPrefixAllowed(attributes) ? `${HOST_PREFIX}${identifier}` : identifier;
}

export { Auth0Error, StoreError, absoluteExpiry, argumentError, cookieAttributes, cookieName, cookieStoreParts, createSealer, isLoopback, isRecord, nonNegativeNumber, optionalString, positiveNumber, redactedView, requireCookieName, requireMethods, requireObject, requireString, resolveSessionLifetime, sanitize, secretList, secureByDefault, sessionExpiry, storeFailure, transactionTtl };
//# sourceMappingURL=chunk-2UU3TTTI.js.map
//# sourceMappingURL=chunk-2UU3TTTI.js.map