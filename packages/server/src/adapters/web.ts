/**
 * `auth0-server-ts/web`: the auth routes, the request handle and the guards over the standard
 * `Request` / `Response`, for Hono and any fetch-style server (Node, Bun, Deno, workers). Uses no
 * Node-only API.
 *
 * @packageDocumentation
 */
import type { ServerClient } from '../client.js';
import {
  createAdapterCore,
  headerCookies,
  parseBody,
  readLimitedText,
  type AdapterCheck,
  type AdapterRequest,
  type AdapterResponse,
  type AdapterStoreOptions,
  type Auth0AdapterOptions,
  type Auth0RequestHandle,
  type StepUpOptions,
} from './core/index.js';

export * from './core/public.js';

/** The handle of one `Request`, plus the cookies its response must carry. */
export interface WebRequestAuth extends Auth0RequestHandle {
  /** The `Set-Cookie` values written so far for this request (a session write, a refresh). */
  readonly setCookies: readonly string[];
  /** `response` with this request's `Set-Cookie` headers added (a copy when its headers are immutable). */
  apply(response: Response): Response;
}

/** What `auth0(...)` returns for a fetch-style server. */
export interface WebAuth0 {
  /** The answer of an auth route (cookies included), or `undefined` when `request` is for the app. */
  handle(request: Request): Promise<Response | undefined>;
  /** The request handle: the same object for the same `Request`. Apply its cookies to your response. */
  forRequest(request: Request): WebRequestAuth;
  /** `undefined` when there is a session; else the `Response` to return (login redirect or `401`). */
  requiresAuth(request: Request): Promise<Response | undefined>;
  /**
   * A guard: `undefined` when the session's login is into `organization` (an `org_…` id or a name);
   * else the `Response` that logs in to it (a page navigation), `401` or `403 organization_required`.
   */
  requiresOrganization(organization: string): (request: Request) => Promise<Response | undefined>;
  /** A guard: `undefined` when the step-up is satisfied; else the `Response` that starts it. */
  requiresStepUp(options: StepUpOptions): (request: Request) => Promise<Response | undefined>;
  /** The client behind the routes. */
  readonly client: ServerClient<AdapterStoreOptions>;
}

/**
 * Auth0 over standard `Request` / `Response`.
 *
 * @throws {TypeError} naming the option that is missing or malformed.
 * @example
 * ```ts
 * const auth = auth0({ domain, clientId, clientSecret, secret, appBaseUrl: 'http://localhost:3000' });
 * export default { fetch: async (request: Request) => (await auth.handle(request)) ?? app(request) };
 * ```
 */
export function auth0(options: Auth0AdapterOptions): WebAuth0 {
  const core = createAdapterCore(options);
  const handles = new WeakMap<Request, WebRequestAuth>();

  const forRequest = (request: Request): WebRequestAuth => {
    const known = handles.get(request);
    if (known) return known;
    const setCookies: string[] = [];
    const handle: WebRequestAuth = {
      ...core.bind(
        headerCookies(
          request.headers.get('cookie'),
          (cookie) => setCookies.push(cookie),
          request.headers.get('host') ?? new URL(request.url).host,
        ),
      ),
      setCookies,
      apply: (response) => withCookies(response, setCookies),
    };
    handles.set(request, handle);
    return handle;
  };

  const answer = async (request: Request, check: AdapterCheck): Promise<Response | undefined> => {
    const handle = forRequest(request);
    const result = await check(adapterRequest(request), handle);
    return result && toResponse(result, handle.setCookies);
  };

  const guards = core.guards((check) => (request: Request) => answer(request, check));
  return {
    client: core.client,
    forRequest,
    async handle(request) {
      if (!core.matches(request.method, new URL(request.url).pathname)) return undefined;
      return answer(request, (req, handle) => core.route(req, handle));
    },
    requiresAuth: guards.requiresAuth(),
    requiresOrganization: (organization) => guards.requiresAuth({ organization }),
    requiresStepUp: guards.requiresStepUp,
  };
}

function adapterRequest(request: Request): AdapterRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    url: `${url.pathname}${url.search}`,
    header: (name) => request.headers.get(name) ?? undefined,
    readBody: async () => {
      if (!request.body) return undefined;
      const text = await readLimitedText(
        chunks(request.body),
        request.headers.get('content-length') ?? undefined,
      );
      return parseBody(request.headers.get('content-type') ?? undefined, text);
    },
    // Read only by the push wait: Deno.serve warns on every request whose `signal` is touched.
    get signal() {
      return request.signal;
    },
  };
}

/** The stream's chunks; leaving early (past the limit) cancels the rest. */
async function* chunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return void (done = true);
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel();
    reader.releaseLock();
  }
}

function toResponse(answer: AdapterResponse, setCookies: readonly string[]): Response {
  const headers = new Headers(answer.headers);
  for (const cookie of setCookies) headers.append('set-cookie', cookie);
  const empty = answer.body === '' || answer.status === 204 || answer.status === 302;
  return new Response(empty ? null : answer.body, { status: answer.status, headers });
}

function withCookies(response: Response, setCookies: readonly string[]): Response {
  if (setCookies.length === 0) return response;
  try {
    for (const cookie of setCookies) response.headers.append('set-cookie', cookie);
    return response;
  } catch {
    // Headers of a fetched Response are immutable: answer with a copy.
    const copy = new Response(response.body, response);
    for (const cookie of setCookies) copy.headers.append('set-cookie', cookie);
    return copy;
  }
}
