import { S as ServerClient } from '../client-D4U9YiFC.js';
import { A as Auth0RequestHandle, S as StepUpOptions, e as AdapterStoreOptions, b as Auth0AdapterOptions } from '../index-EOSIHOGB.js';
export { c as ACR_MULTI_FACTOR, a as AdapterBinding, d as AdapterGuards, f as Auth0Routes, B as BoundMfa, L as LoginOptions, g as adapterCookies } from '../index-EOSIHOGB.js';
import '../coordinator-dbNHAbIA.js';
import 'oauth4webapi';
import 'jose';

/**
 * `auth0-server-ts/web`: the auth routes, the request handle and the guards over the standard
 * `Request` / `Response`, for Hono and any fetch-style server (Node, Bun, Deno, workers). Uses no
 * Node-only API.
 *
 * @packageDocumentation
 */

/** The handle of one `Request`, plus the cookies its response must carry. */
interface WebRequestAuth extends Auth0RequestHandle {
    /** The `Set-Cookie` values written so far for this request (a session write, a refresh). */
    readonly setCookies: readonly string[];
    /** `response` with this request's `Set-Cookie` headers added (a copy when its headers are immutable). */
    apply(response: Response): Response;
}
/** What `auth0(...)` returns for a fetch-style server. */
interface WebAuth0 {
    /** The answer of an auth route (cookies included), or `undefined` when `request` is for the app. */
    handle(request: Request): Promise<Response | undefined>;
    /** The request handle: the same object for the same `Request`. Apply its cookies to your response. */
    forRequest(request: Request): WebRequestAuth;
    /** `undefined` when there is a session; else the `Response` to return (login redirect or `401`). */
    requiresAuth(request: Request): Promise<Response | undefined>;
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
declare function auth0(options: Auth0AdapterOptions): WebAuth0;

export { AdapterStoreOptions, Auth0AdapterOptions, Auth0RequestHandle, StepUpOptions, type WebAuth0, type WebRequestAuth, auth0 };
