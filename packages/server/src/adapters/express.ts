/**
 * `auth0-server-ts/express`: login, callback, logout, back-channel logout and the JSON MFA routes for
 * Express 5 (and 4), `req.auth0` on every request, and the `requiresAuth` / `requiresStepUp` guards.
 * Node only: on Bun, Deno or workers use `auth0-server-ts/web`.
 *
 * @packageDocumentation
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parseCookieHeader, serializeCookie } from '../stores/cookie.js';
import {
  createAdapterCore,
  MAX_BODY_BYTES,
  parseBody,
  type AdapterRequest,
  type AdapterResponse,
  type AdapterStoreOptions,
  type Auth0AdapterOptions,
  type Auth0RequestHandle,
  type StepUpOptions,
} from './core/index.js';
import type { ServerClient } from '../client.js';

export * from './core/public.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The SDK bound to this request, set by `auth0(...).router`. */
    auth0: Auth0RequestHandle;
  }
}

/** What `auth0(...)` returns for an Express app. */
export interface ExpressAuth0 {
  /** Mount with `app.use(auth.router)` before your routes: serves the auth routes and sets `req.auth0`. */
  readonly router: RequestHandler;
  /** A guard: a session is required (page navigations go to log in, other requests get `401`). */
  requiresAuth(): RequestHandler;
  /** A guard: MFA or a recent login is required, and started when missing; see {@link StepUpOptions}. */
  requiresStepUp(options: StepUpOptions): RequestHandler;
  /** The client behind the routes. */
  readonly client: ServerClient<AdapterStoreOptions>;
}

/**
 * Auth0 for an Express app in a few lines.
 *
 * @throws {TypeError} naming the option that is missing or malformed.
 * @example
 * ```ts
 * const auth = auth0({ domain, clientId, clientSecret, secret, appBaseUrl: 'http://localhost:3000' });
 * app.use(auth.router);
 * app.get('/profile', auth.requiresAuth(), async (req, res) => res.json(await req.auth0.getUser()));
 * ```
 */
export function auth0(options: Auth0AdapterOptions): ExpressAuth0 {
  const core = createAdapterCore(options);

  const handleOf = (req: Request, res: Response): Auth0RequestHandle => {
    if (req.auth0) return req.auth0;
    const storeOptions: AdapterStoreOptions = {
      cookies: parseCookieHeader(req.headers.cookie ?? ''),
      // The SDK's own serialiser writes Max-Age in seconds; Express's res.cookie would want milliseconds.
      write: (name, value, cookie) => res.append('Set-Cookie', serializeCookie(name, value, cookie)),
    };
    req.auth0 = core.bind(storeOptions);
    return req.auth0;
  };

  const guard =
    (
      check: (req: AdapterRequest, handle: Auth0RequestHandle) => Promise<AdapterResponse | undefined>,
    ): RequestHandler =>
    (req, res, next) => {
      check(adapterRequest(req, res), handleOf(req, res)).then((answer) => {
        if (answer) send(res, answer);
        else next();
      }, next);
    };

  return {
    client: core.client,
    router(req: Request, res: Response, next: NextFunction) {
      const handle = handleOf(req, res);
      if (!core.matches(req.method, req.originalUrl.split('?')[0] ?? '')) return next();
      core.route(adapterRequest(req, res), handle).then((answer) => {
        if (answer) send(res, answer);
        else next();
      }, next);
    },
    requiresAuth: () => guard((req, handle) => core.requireSession(req, handle)),
    requiresStepUp: (stepUp) => guard(core.stepUp(stepUp)),
  };
}

function adapterRequest(req: Request, res: Response): AdapterRequest {
  let signal: AbortSignal | undefined;
  return {
    method: req.method,
    url: req.originalUrl,
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    readBody: () => readBody(req),
    get signal() {
      if (!signal) {
        const controller = new AbortController();
        res.once('close', () => {
          if (!res.writableFinished) controller.abort();
        });
        signal = controller.signal;
      }
      return signal;
    },
  };
}

/** The body a body parser left on `req.body`, else read from the stream (at most {@link MAX_BODY_BYTES}). */
async function readBody(req: Request): Promise<unknown> {
  const parsed: unknown = req.body;
  if (parsed !== undefined) return parsed;
  if (req.readableEnded) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new TypeError('the request body is too large');
    chunks.push(buffer);
  }
  return parseBody(req.headers['content-type'], Buffer.concat(chunks).toString('utf8'));
}

function send(res: Response, answer: AdapterResponse): void {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body);
}
