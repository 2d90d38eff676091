/**
 * `auth0-server-ts/express`: login, callback, logout, back-channel logout and the JSON MFA routes for
 * Express 5 (and 4), `req.auth0` on every request, and the `requiresAuth` / `requiresStepUp` guards.
 * Node only: on Bun, Deno or workers use `auth0-server-ts/web`.
 *
 * @packageDocumentation
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  createAdapterCore,
  headerCookies,
  type AdapterBinding,
  type AdapterCheck,
  type AdapterResponse,
  type Auth0AdapterOptions,
  type Auth0RequestHandle,
} from './core/index.js';
import { nodeAdapterRequest, readNodeBody } from './node-request.js';

export * from './core/public.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The SDK bound to this request, set by `auth0(...).router`. */
    auth0: Auth0RequestHandle;
  }
}

/** What `auth0(...)` returns for an Express app; the guards are `RequestHandler`s. */
export interface ExpressAuth0 extends AdapterBinding<RequestHandler> {
  /** Mount with `app.use(auth.router)` before your routes: serves the auth routes and sets `req.auth0`. */
  readonly router: RequestHandler;
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
    req.auth0 ??= core.bind(
      headerCookies(req.headers.cookie, (cookie) => res.append('Set-Cookie', cookie), req.headers.host),
    );
    return req.auth0;
  };

  const guard =
    (check: AdapterCheck): RequestHandler =>
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
    ...core.guards(guard),
  };
}

/** A body parser's `req.body` when one ran, else the body read here; the URL before mount paths. */
function adapterRequest(req: Request, res: Response) {
  return nodeAdapterRequest(req, res, req.originalUrl, async () => {
    const parsed: unknown = req.body;
    return parsed ?? readNodeBody(req, req, res);
  });
}

function send(res: Response, answer: AdapterResponse): void {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.end(answer.body);
}
