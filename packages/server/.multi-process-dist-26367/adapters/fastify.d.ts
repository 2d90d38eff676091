import { preHandlerAsyncHookHandler, FastifyInstance } from 'fastify';
import { A as Auth0RequestHandle, a as AdapterBinding, b as Auth0AdapterOptions } from '../index-EOSIHOGB.js';
export { c as ACR_MULTI_FACTOR, d as AdapterGuards, e as AdapterStoreOptions, f as Auth0Routes, B as BoundMfa, L as LoginOptions, S as StepUpOptions, g as adapterCookies } from '../index-EOSIHOGB.js';
import '../client-D4U9YiFC.js';
import '../coordinator-dbNHAbIA.js';
import 'oauth4webapi';
import 'jose';

/**
 * `auth0-server-ts/fastify`: a Fastify 5 plugin (over `@fastify/cookie`) serving the auth routes and
 * setting `request.auth0`, and the `requiresAuth` / `requiresStepUp` preHandlers. Node only: on Bun,
 * Deno or workers use `auth0-server-ts/web`.
 *
 * @packageDocumentation
 */

declare module 'fastify' {
    interface FastifyRequest {
        /** The SDK bound to this request, set by the `auth0(...).plugin`. */
        auth0: Auth0RequestHandle;
    }
}
/** What `auth0(...)` returns for a Fastify app; the guards are preHandlers. */
interface FastifyAuth0 extends AdapterBinding<preHandlerAsyncHookHandler> {
    /** Register with `await app.register(auth.plugin)` after `@fastify/cookie`: the routes and `request.auth0`. */
    plugin(fastify: FastifyInstance): Promise<void>;
}
/**
 * Auth0 for a Fastify app in a few lines.
 *
 * @throws {TypeError} naming the option that is missing or malformed.
 * @example
 * ```ts
 * const auth = auth0({ domain, clientId, clientSecret, secret, appBaseUrl: 'http://localhost:3000' });
 * await app.register(fastifyCookie);
 * await app.register(auth.plugin);
 * app.get('/profile', { preHandler: auth.requiresAuth() }, (request) => request.auth0.getUser());
 * ```
 */
declare function auth0(options: Auth0AdapterOptions): FastifyAuth0;

export { AdapterBinding, Auth0AdapterOptions, Auth0RequestHandle, type FastifyAuth0, auth0 };
