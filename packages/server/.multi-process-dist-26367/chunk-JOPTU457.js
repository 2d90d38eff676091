import { serializeCookie, parseCookieHeader, ServerClient, challengeTypeOf, factorTypeOf } from './chunk-MNDSTJKT.js';
import { LoginRequiredError, MfaRequiredError, CallbackError, ServerError, BackchannelLogoutError, RequestError } from './chunk-M4OAD6WH.js';
import { argumentError, requireObject, positiveNumber, optionalString, nonNegativeNumber, Auth0Error, requireString } from './chunk-2UU3TTTI.js';

// src/adapters/core/cookies.ts
var adapterCookies = {
  getCookie: (name, o) => o && Object.hasOwn(o.cookies, name) ? o.cookies[name] : void 0,
  getCookies: (o) => ({ ...o?.cookies }),
  setCookie(name, value, options = {}, o) {
    if (!o) throw missingStoreOptions();
    o.cookies[name] = value;
    o.write(name, value, options);
  },
  deleteCookie(name, o, options = {}) {
    if (!o) throw missingStoreOptions();
    delete o.cookies[name];
    o.write(name, "", { ...options, maxAge: 0, expires: /* @__PURE__ */ new Date(0) });
  }
};
function missingStoreOptions() {
  return argumentError(
    '"storeOptions" is required: the adapter cookie handler writes through it',
    "ERR_INVALID_ARG_TYPE"
  );
}
function headerCookies(cookieHeader, append) {
  return {
    cookies: parseCookieHeader(cookieHeader ?? ""),
    write: (name, value, options) => append(serializeCookie(name, value, options))
  };
}
function noCookies() {
  return { cookies: {}, write: () => void 0 };
}

// src/adapters/core/http.ts
var NO_STORE = { "cache-control": "no-store" };
function redirect(location) {
  return { status: 302, headers: { ...NO_STORE, location }, body: "" };
}
function json(status, body) {
  return {
    status,
    headers: { ...NO_STORE, "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(body)
  };
}
function html(status, body) {
  return {
    status,
    headers: {
      ...NO_STORE,
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    },
    body
  };
}
function isCrossSite(req, appOrigin) {
  const origin = req.header("origin");
  return origin !== void 0 && origin !== appOrigin || req.header("sec-fetch-site") === "cross-site";
}
function crossSiteRefused() {
  return json(403, { error: "invalid_request", errorDescription: "cross-site request refused" });
}
function wantsHtml(req) {
  const method = req.method.toUpperCase();
  return (method === "GET" || method === "HEAD") && (req.header("accept") ?? "").includes("text/html");
}
function parseForm(text2) {
  return Object.fromEntries(new URLSearchParams(text2));
}
function parseBody(contentType, text2) {
  if (text2 === "") return void 0;
  const type = mediaType(contentType);
  if (type === "application/json") {
    try {
      return JSON.parse(text2);
    } catch {
      return void 0;
    }
  }
  if (type === "application/x-www-form-urlencoded") return parseForm(text2);
  return text2;
}
function mediaType(contentType) {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

// src/adapters/core/body.ts
var MAX_BODY_BYTES = 64 * 1024;
var BodyTooLargeError = class extends Error {
  name = "BodyTooLargeError";
  constructor() {
    super(`the request body must be at most ${MAX_BODY_BYTES} bytes`);
  }
};
function bodyTooLargeAnswer() {
  return json(413, { error: "invalid_request", errorDescription: new BodyTooLargeError().message });
}
async function readLimitedText(chunks, contentLength) {
  if (contentLength !== void 0 && Number(contentLength) > MAX_BODY_BYTES) throw new BodyTooLargeError();
  const decoder = new TextDecoder();
  let size = 0;
  let text2 = "";
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    text2 += decoder.decode(chunk, { stream: true });
  }
  return text2 + decoder.decode();
}

// src/adapters/core/errors.ts
function mfaRequiredBody(err) {
  return { error: "mfa_required", mfaToken: err.mfaToken, mfaRequirements: err.mfaRequirements ?? {} };
}
function errorJson(err) {
  if (isArgumentError(err)) return json(400, { error: "invalid_request", errorDescription: err.message });
  if (!(err instanceof Auth0Error)) return void 0;
  if (err instanceof MfaRequiredError) return json(403, mfaRequiredBody(err));
  switch (err.code) {
    case "mfa_token_expired":
    case "mfa_token_invalid":
    case "login_required":
      return json(401, { error: err.code });
    case "request_aborted":
      return json(499, { error: err.code });
  }
  if (err instanceof ServerError && err.error !== void 0) {
    const status = err.status !== void 0 && err.status >= 400 && err.status < 500 ? err.status : 502;
    return json(status, {
      error: err.error,
      ...err.errorDescription ? { errorDescription: err.errorDescription } : {}
    });
  }
  if (err instanceof BackchannelLogoutError) return json(400, { error: err.code });
  if (err instanceof RequestError) return json(502, { error: err.code });
  return json(502, { error: err.code });
}
function isArgumentError(err) {
  if (!(err instanceof TypeError) || !("code" in err)) return false;
  return err.code === "ERR_INVALID_ARG_TYPE" || err.code === "ERR_INVALID_ARG_VALUE";
}

// src/adapters/core/guards.ts
var ACR_MULTI_FACTOR = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";
async function requireSession(req, handle) {
  if (await handle.getSession()) return void 0;
  return loginNeeded(req, handle, {});
}
function checkStepUpOptions(options) {
  requireObject(options, "options");
  for (const field of ["audience", "scope"]) optionalString(options[field], field);
  if (options.maxAge !== void 0 && !Number.isInteger(nonNegativeNumber(options.maxAge, "maxAge", 0)))
    throw argumentError('"maxAge" must be a whole number of seconds');
  if (options.amr !== void 0 && (!Array.isArray(options.amr) || options.amr.some((v) => typeof v !== "string")))
    throw argumentError('"amr" must be an array of strings', "ERR_INVALID_ARG_TYPE");
  if (acrList(options.acrValues).some((v) => typeof v !== "string"))
    throw argumentError('"acrValues" must be a string or an array of strings', "ERR_INVALID_ARG_TYPE");
}
async function requireStepUp(req, handle, options) {
  const session = await handle.getSession();
  const params = loginParams(options);
  if (!session) return loginNeeded(req, handle, params);
  if (!claimsSatisfy(session.user, options, Math.floor(Date.now() / 1e3))) {
    if (wantsHtml(req)) return startLogin(req, handle, params);
    return json(401, {
      error: "insufficient_user_authentication",
      ...params.acr_values ? { acrValues: params.acr_values } : {},
      ...options.maxAge === void 0 ? {} : { maxAge: options.maxAge }
    });
  }
  if (options.audience === void 0 && options.scope === void 0) return void 0;
  try {
    await handle.getAccessToken({ audience: options.audience, scope: options.scope });
    return void 0;
  } catch (err) {
    if (err instanceof LoginRequiredError) return loginNeeded(req, handle, params);
    if (!(err instanceof MfaRequiredError)) throw err;
    if (wantsHtml(req)) return startLogin(req, handle, { ...params, acr_values: ACR_MULTI_FACTOR });
    return json(403, mfaRequiredBody(err));
  }
}
function claimsSatisfy(user, options, now) {
  const acr = acrList(options.acrValues);
  if (acr.length > 0 && !acr.includes(typeof user?.acr === "string" ? user.acr : "")) return false;
  if (options.amr?.length) {
    const amr = Array.isArray(user?.amr) ? user.amr : [];
    if (!options.amr.every((value) => amr.includes(value))) return false;
  }
  if (options.maxAge !== void 0) {
    const authTime = user?.auth_time;
    if (typeof authTime !== "number" || now - authTime > options.maxAge) return false;
  }
  return true;
}
function acrList(values) {
  if (values === void 0) return [];
  return typeof values === "string" ? values.split(" ").filter(Boolean) : values;
}
function loginParams(options) {
  const acr = acrList(options.acrValues);
  const wantsMfa = options.amr?.includes("mfa") ?? false;
  return {
    ...acr.length > 0 ? { acr_values: acr.join(" ") } : wantsMfa ? { acr_values: ACR_MULTI_FACTOR } : {},
    ...options.maxAge === void 0 ? {} : { max_age: options.maxAge },
    ...options.audience === void 0 ? {} : { audience: options.audience }
  };
}
function loginNeeded(req, handle, params) {
  if (wantsHtml(req)) return startLogin(req, handle, params);
  return json(401, { error: "login_required" });
}
async function startLogin(req, handle, params) {
  const url = await handle.login({ returnTo: req.url, authorizationParams: params });
  return redirect(url.href);
}

// src/adapters/core/return-to.ts
var BASE = "http://return-to.invalid";
function safeReturnTo(value, fallback = "/") {
  const once = onApp(value);
  return once !== void 0 && onApp(once) === once ? once : fallback;
}
function onApp(value) {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2048) return void 0;
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith("//")) return void 0;
  let url;
  try {
    url = new URL(value, BASE);
  } catch {
    return void 0;
  }
  if (url.origin !== BASE) return void 0;
  return `${url.pathname}${url.search}${url.hash}`;
}

// src/adapters/core/handle.ts
function bindRequest(client, storeOptions, defaultReturnTo) {
  const mfa = client.mfa;
  return {
    client,
    storeOptions,
    getSession: () => client.getSession(storeOptions),
    getUser: () => client.getUser(storeOptions),
    getAccessToken: (options) => client.getAccessToken(options, storeOptions),
    login: (options = {}) => client.startInteractiveLogin(
      {
        ...options.authorizationParams ? { authorizationParams: options.authorizationParams } : {},
        appState: { returnTo: safeReturnTo(options.returnTo, defaultReturnTo) }
      },
      storeOptions
    ),
    mfa: {
      listAuthenticators: (o) => mfa.listAuthenticators(o, storeOptions),
      getEnrollmentFactors: (o) => mfa.getEnrollmentFactors(o, storeOptions),
      enrollAuthenticator: (o) => mfa.enrollAuthenticator(o, storeOptions),
      deleteAuthenticator: (o) => mfa.deleteAuthenticator(o, storeOptions),
      challengeAuthenticator: (o) => mfa.challengeAuthenticator(o, storeOptions),
      verify: (o) => mfa.verify(o, storeOptions),
      waitForApproval: (o) => mfa.waitForApproval(o, storeOptions),
      encryptMfaToken: (i) => mfa.encryptMfaToken(i, storeOptions),
      decryptMfaToken: (t) => mfa.decryptMfaToken(t, storeOptions)
    }
  };
}

// src/adapters/core/pages.ts
var ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text2) {
  return text2.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
function messagePage(title, message, link) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #f6f8fa; margin: 0; }
main { max-width: 28rem; margin: 10vh auto; padding: 2rem; background: #fff; border-radius: 8px;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
h1 { font-size: 1.25rem; margin-top: 0; }
a { display: inline-block; margin-top: 1rem; padding: 0.5rem 1rem; background: #0b57d0; color: #fff;
  border-radius: 4px; text-decoration: none; }
a:focus { outline: 3px solid #1f2328; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>
</main>
</body>
</html>
`;
}

// src/adapters/core/routes.ts
async function loginRoute({ req, handle }) {
  const returnTo = new URL(req.url, "http://x.invalid").searchParams.get("returnTo") ?? void 0;
  return redirect((await handle.login(returnTo === void 0 ? {} : { returnTo })).href);
}
async function callbackRoute({
  req,
  handle,
  client,
  options
}) {
  try {
    const { appState } = await client.completeInteractiveLogin(
      new URL(req.url, options.origin),
      handle.storeOptions
    );
    return redirect(safeReturnTo(appState?.returnTo, options.defaultReturnTo));
  } catch (err) {
    if (!(err instanceof Auth0Error)) throw err;
    if (err instanceof CallbackError && err.code === "missing_transaction" && await handle.getSession())
      return redirect(options.defaultReturnTo);
    if (!(err instanceof CallbackError)) options.onLoginError(err);
    return failedLogin(options, err);
  }
}
function failedLogin(options, err) {
  const unreachable = err.code === "request_failed" || err.code === "request_timeout";
  const message = unreachable ? "The sign-in service could not be reached. Please try again in a moment." : err.code === "missing_transaction" ? "This sign-in link has expired or was already used." : err instanceof CallbackError && err.error === "access_denied" ? "Sign-in was cancelled or refused." : "Sign-in could not be completed.";
  const login = options.routes.login;
  return html(
    unreachable ? 502 : 400,
    messagePage("Sign-in did not complete", message, {
      href: login === false ? "/" : login,
      text: login === false ? "Back to the start page" : "Log in again"
    })
  );
}
async function logoutRoute({ req, handle, client, options }) {
  if (isCrossSite(req, options.origin)) {
    if (!wantsHtml(req) || options.routes.logout === false) return crossSiteRefused();
    return html(
      403,
      messagePage("Log out?", "Another site sent you here to log out. You are still signed in.", {
        href: options.routes.logout,
        text: "Log out"
      })
    );
  }
  try {
    return redirect((await client.logout({ returnTo: options.logoutReturnTo }, handle.storeOptions)).href);
  } catch (err) {
    if (!(err instanceof Auth0Error)) throw err;
    return redirect(options.logoutReturnTo);
  }
}
async function backchannelLogoutRoute({ req, client }) {
  if (mediaType(req.header("content-type")) !== "application/x-www-form-urlencoded")
    return json(400, { error: "invalid_request" });
  const body = await req.readBody();
  const token = isFields(body) ? body.logout_token : void 0;
  if (typeof token !== "string" || token === "") return json(400, { error: "invalid_request" });
  try {
    await client.handleBackchannelLogout(token, noCookies());
    return { status: 200, headers: { "cache-control": "no-store" }, body: "" };
  } catch (err) {
    if (err instanceof Auth0Error && err.code === "backchannel_logout_unsupported")
      return json(501, { error: err.code });
    if (err instanceof Auth0Error && err.code === "logout_token_invalid")
      return json(400, { error: "invalid_request" });
    const answer = errorJson(err);
    if (!answer) throw err;
    return answer;
  }
}
function isFields(body) {
  return typeof body === "object" && body !== null && !Array.isArray(body);
}

// src/adapters/core/mfa-routes.ts
async function mfaRoute(ctx, action) {
  const method = ctx.req.method.toUpperCase();
  if (action === "authenticators") {
    if (method !== "GET") return void 0;
    const refused2 = crossSite(ctx);
    if (refused2) return refused2;
    return run(() => authenticators(ctx, { mfaToken: ctx.req.header("mfa-token") }));
  }
  const post = POST_ACTIONS[action];
  if (!post || method !== "POST") return void 0;
  const refused = crossSite(ctx);
  if (refused) return refused;
  if (mediaType(ctx.req.header("content-type")) !== "application/json")
    return json(415, { error: "invalid_request", errorDescription: "the body must be application/json" });
  const body = await ctx.req.readBody();
  if (!isFields(body))
    return json(400, { error: "invalid_request", errorDescription: "the body must be a JSON object" });
  return run(() => post(ctx, body));
}
var POST_ACTIONS = {
  async enroll({ handle }, body) {
    const factorType = factorTypeOf(body.factorType);
    return json(
      200,
      await handle.mfa.enrollAuthenticator({
        mfaToken: text(body.mfaToken, "mfaToken"),
        factorType,
        phoneNumber: optionalText(body.phoneNumber, "phoneNumber"),
        email: optionalText(body.email, "email")
      })
    );
  },
  async challenge({ handle }, body) {
    const challengeType = challengeTypeOf(body.challengeType ?? "oob");
    return json(
      200,
      await handle.mfa.challengeAuthenticator({
        mfaToken: text(body.mfaToken, "mfaToken"),
        challengeType,
        authenticatorId: optionalText(body.authenticatorId, "authenticatorId")
      })
    );
  },
  async verify({ handle }, body) {
    const result = await handle.mfa.verify(verifyOptions(body));
    return json(200, verified(result));
  },
  async wait({ handle, req, options }, body) {
    try {
      const result = await handle.mfa.waitForApproval({
        mfaToken: text(body.mfaToken, "mfaToken"),
        oobCode: text(body.oobCode, "oobCode"),
        intervalMs: options.mfaWait.intervalMs,
        timeoutMs: options.mfaWait.timeoutMs,
        ...req.signal ? { signal: req.signal } : {}
      });
      return json(200, verified(result));
    } catch (err) {
      if (err instanceof RequestError && err.code === "request_timeout" && err.error !== void 0)
        return json(202, { status: "pending" });
      throw err;
    }
  }
};
async function authenticators({ handle }, input) {
  const mfaToken = text(input.mfaToken, "mfa-token");
  const [list, factors] = await Promise.all([
    handle.mfa.listAuthenticators({ mfaToken }),
    handle.mfa.getEnrollmentFactors({ mfaToken })
  ]);
  return json(200, { authenticators: list, enrollmentFactors: factors });
}
function verified(result) {
  return {
    status: "verified",
    audience: result.audience,
    ...result.scope === void 0 ? {} : { scope: result.scope },
    expiresAt: result.expiresAt,
    // A new recovery code after a recovery-code login: the user must see it once.
    ...result.recoveryCode === void 0 ? {} : { recoveryCode: result.recoveryCode }
  };
}
function verifyOptions(body) {
  const mfaToken = text(body.mfaToken, "mfaToken");
  if (body.otp !== void 0) return { mfaToken, otp: text(body.otp, "otp") };
  if (body.recoveryCode !== void 0)
    return { mfaToken, recoveryCode: text(body.recoveryCode, "recoveryCode") };
  if (body.oobCode !== void 0)
    return {
      mfaToken,
      oobCode: text(body.oobCode, "oobCode"),
      bindingCode: optionalText(body.bindingCode, "bindingCode")
    };
  throw argumentError('exactly one of "otp", "oobCode" or "recoveryCode" must be given');
}
async function run(work) {
  try {
    return await work();
  } catch (err) {
    const answer = errorJson(err);
    if (!answer) throw err;
    return answer;
  }
}
function crossSite({ req, options }) {
  return isCrossSite(req, options.origin) ? crossSiteRefused() : void 0;
}
function text(value, field) {
  requireString(value, field);
  return value;
}
function optionalText(value, field) {
  optionalString(value, field);
  return value;
}

// src/adapters/core/options.ts
var DEFAULT_ROUTES = {
  login: "/auth/login",
  callback: "/auth/callback",
  logout: "/auth/logout",
  backchannelLogout: "/auth/backchannel-logout",
  mfa: "/auth/mfa"
};
var ROUTE_KEYS = ["login", "callback", "logout", "backchannelLogout", "mfa"];
function resolveAdapterOptions(options) {
  requireObject(options, "options");
  const { appBaseUrl, routes, logoutReturnTo, defaultReturnTo, mfaWait, onLoginError, ...client } = options;
  const origin = resolveOrigin(appBaseUrl);
  const resolved = { ...DEFAULT_ROUTES };
  if (routes !== void 0) requireObject(routes, "routes");
  for (const key of ROUTE_KEYS) {
    const value = routes?.[key];
    if (value === void 0) continue;
    if (value !== false && (typeof value !== "string" || !/^\/[^?#\s]*$/.test(value)))
      throw argumentError(`"routes.${key}" must be a path starting with "/", or false`);
    resolved[key] = value === false ? false : value.replace(/(.)\/$/, "$1");
  }
  if (logoutReturnTo !== void 0 && !URL.canParse(logoutReturnTo))
    throw argumentError('"logoutReturnTo" must be an absolute URL');
  if (defaultReturnTo !== void 0 && safeReturnTo(defaultReturnTo, "") !== defaultReturnTo)
    throw argumentError('"defaultReturnTo" must be a path on this app, such as "/" or "/home"');
  const callback = resolved.callback === false ? DEFAULT_ROUTES.callback : resolved.callback;
  return {
    origin,
    routes: resolved,
    logoutReturnTo: logoutReturnTo ?? `${origin}/`,
    defaultReturnTo: defaultReturnTo ?? "/",
    mfaWait: {
      intervalMs: positiveNumber(mfaWait?.intervalMs, "mfaWait.intervalMs", 5e3, "milliseconds"),
      timeoutMs: positiveNumber(mfaWait?.timeoutMs, "mfaWait.timeoutMs", 25e3, "milliseconds")
    },
    onLoginError: resolveOnLoginError(onLoginError),
    client: {
      ...client,
      authorizationParams: { redirect_uri: `${origin}${callback}`, ...client.authorizationParams }
    }
  };
}
function resolveOnLoginError(value) {
  if (value === void 0) return warnLoginError;
  if (value === false) return () => {
  };
  if (typeof value !== "function") throw argumentError('"onLoginError" must be a function or false');
  return value;
}
function warnLoginError(error) {
  console.warn(`auth0-server-ts: a login callback failed (${error.code}): ${error.message}`);
}
function resolveOrigin(appBaseUrl) {
  if (typeof appBaseUrl !== "string" || !URL.canParse(appBaseUrl))
    throw argumentError('"appBaseUrl" must be an absolute URL such as https://app.example.com');
  const url = new URL(appBaseUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:" || url.pathname !== "/" || url.search || url.hash)
    throw argumentError(
      '"appBaseUrl" must be an origin (scheme, host and port, no path) such as https://app.example.com'
    );
  return url.origin;
}

// src/adapters/core/index.ts
function createAdapterCore(options) {
  const resolved = resolveAdapterOptions(options);
  const client = new ServerClient({ ...resolved.client, cookieHandler: adapterCookies });
  const { routes } = resolved;
  const mounted = [];
  const fixed = /* @__PURE__ */ new Map();
  const add = (method, path, fn) => {
    if (path === false) return;
    fixed.set(`${method} ${path}`, fn);
    mounted.push({ method, path });
  };
  add("GET", routes.login, loginRoute);
  add("GET", routes.callback, callbackRoute);
  add("GET", routes.logout, logoutRoute);
  add("POST", routes.backchannelLogout, backchannelLogoutRoute);
  const mfaPrefix = routes.mfa === false ? void 0 : `${routes.mfa}/`;
  if (routes.mfa !== false) {
    mounted.push({ method: "GET", path: `${routes.mfa}/authenticators` });
    for (const action of ["enroll", "challenge", "verify", "wait"])
      mounted.push({ method: "POST", path: `${routes.mfa}/${action}` });
  }
  const pathOf = (url) => url.split("?")[0] ?? "";
  const find = (method, path) => {
    const upper = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
    const exact = fixed.get(`${upper} ${path}`);
    if (exact) return exact;
    if (mfaPrefix && path.startsWith(mfaPrefix)) {
      const action = path.slice(mfaPrefix.length);
      if (mounted.some((m) => m.method === upper && m.path === path))
        return (ctx) => mfaRoute(ctx, action);
    }
    return void 0;
  };
  return {
    client,
    options: resolved,
    mounted,
    bind: (storeOptions) => bindRequest(client, storeOptions, resolved.defaultReturnTo),
    matches: (method, path) => find(method, path) !== void 0,
    async route(req, handle) {
      const fn = find(req.method, pathOf(req.url));
      if (!fn) return void 0;
      try {
        return await fn({ req, handle, client, options: resolved });
      } catch (err) {
        if (err instanceof BodyTooLargeError) return bodyTooLargeAnswer();
        throw err;
      }
    },
    guards: (wrap) => ({
      requiresAuth: () => wrap(requireSession),
      requiresStepUp(stepUp) {
        checkStepUpOptions(stepUp);
        const copy = { ...stepUp };
        return wrap((req, handle) => requireStepUp(req, handle, copy));
      }
    })
  };
}

export { ACR_MULTI_FACTOR, BodyTooLargeError, adapterCookies, createAdapterCore, headerCookies, parseBody, readLimitedText };
//# sourceMappingURL=chunk-JOPTU457.js.map
//# sourceMappingURL=chunk-JOPTU457.js.map