import { RequestHandler } from 'express';
import { A as Auth0RequestHandle, a as AdapterBinding, b as Auth0AdapterOptions } from '../index-EOSIHOGB.js';
export { c as ACR_MULTI_FACTOR, d as AdapterGuards, e as AdapterStoreOptions, f as Auth0Routes, B as BoundMfa, L as LoginOptions, S as StepUpOptions, g as adapterCookies } from '../index-EOSIHOGB.js';
import '../client-D4U9YiFC.js';
import '../coordinator-dbNHAbIA.js';
import 'oauth4webapi';
import 'jose';

/**
 * `auth0-server-ts/express`: login, callback, logout, back-channel logout and the JSON MFA routes for
 * Express 5 (and 4), `req.auth0` on every request, and the `requiresAuth` / `requiresStepUp` guards.
 * Node only: on Bun, Deno or workers use `auth0-server-ts/web`.
 *
 * @packageDocumentation
 */

declare module 'express-serve-static-core' {
    interface Request {
        /** The SDK bound to this request, set by `auth0(...).router`. */
        auth0: Auth0RequestHandle;
    }
}
/** What `auth0(...)` returns for an Express app; the guards are `RequestHandler`s. */
interface ExpressAuth0 extends AdapterBinding<RequestHandler> {
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
declare function auth0(options: Auth0AdapterOptions): ExpressAuth0;

export { AdapterBinding, Auth0AdapterOptions, Auth0RequestHandle, type ExpressAuth0, auth0 };
