import { createAdapterCore, headerCookies, readLimitedText, parseBody } from '../chunk-JOPTU457.js';
export { ACR_MULTI_FACTOR, adapterCookies } from '../chunk-JOPTU457.js';

// src/adapters/web.ts
function auth0(options) {
  const core = createAdapterCore(options);
  const handles = /* @__PURE__ */ new WeakMap();
  const forRequest = (request) => {
    const known = handles.get(request);
    if (known) return known;
    const setCookies = [];
    const handle = {
      ...core.bind(headerCookies(request.headers.get("cookie"), (cookie) => setCookies.push(cookie))),
      setCookies,
      apply: (response) => withCookies(response, setCookies)
    };
    handles.set(request, handle);
    return handle;
  };
  const answer = async (request, check) => {
    const handle = forRequest(request);
    const result = await check(adapterRequest(request), handle);
    return result && toResponse(result, handle.setCookies);
  };
  const guards = core.guards((check) => (request) => answer(request, check));
  return {
    client: core.client,
    forRequest,
    async handle(request) {
      if (!core.matches(request.method, new URL(request.url).pathname)) return void 0;
      return answer(request, (req, handle) => core.route(req, handle));
    },
    requiresAuth: guards.requiresAuth(),
    requiresStepUp: guards.requiresStepUp
  };
}
function adapterRequest(request) {
  const url = new URL(request.url);
  return {
    method: request.method,
    url: `${url.pathname}${url.search}`,
    header: (name) => request.headers.get(name) ?? void 0,
    readBody: async () => {
      if (!request.body) return void 0;
      const text = await readLimitedText(
        chunks(request.body),
        request.headers.get("content-length") ?? void 0
      );
      return parseBody(request.headers.get("content-type") ?? void 0, text);
    },
    // Read only by the push wait: Deno.serve warns on every request whose `signal` is touched.
    get signal() {
      return request.signal;
    }
  };
}
async function* chunks(body) {
  const reader = body.getReader();
  let done = false;
  try {
    for (; ; ) {
      const next = await reader.read();
      if (next.done) return void (done = true);
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel();
    reader.releaseLock();
  }
}
function toResponse(answer, setCookies) {
  const headers = new Headers(answer.headers);
  for (const cookie of setCookies) headers.append("set-cookie", cookie);
  const empty = answer.body === "" || answer.status === 204 || answer.status === 302;
  return new Response(empty ? null : answer.body, { status: answer.status, headers });
}
function withCookies(response, setCookies) {
  if (setCookies.length === 0) return response;
  try {
    for (const cookie of setCookies) response.headers.append("set-cookie", cookie);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const cookie of setCookies) copy.headers.append("set-cookie", cookie);
    return copy;
  }
}

export { auth0 };
//# sourceMappingURL=web.js.map
//# sourceMappingURL=web.js.map