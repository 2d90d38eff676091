/**
 * `auth0-server-ts/fastify`: a Fastify 5 plugin (over `@fastify/cookie`) serving the auth routes and
 * setting `request.auth0`, and the `requiresAuth` / `requiresStepUp` preHandlers. Node only: on Bun,
 * Deno or workers use `auth0-server-ts/web`.
 *
 * @packageDocumentation
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type {} from '@fastify/cookie';
import {
  createAdapterCore,
  MAX_BODY_BYTES,
  parseForm,
  type AdapterBinding,
  type AdapterCheck,
  type AdapterResponse,
  type AdapterStoreOptions,
  type Auth0AdapterOptions,
  type Auth0RequestHandle,
} from './core/index.js';
import { nodeAdapterRequest } from './node-request.js';

export * from './core/public.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The SDK bound to this request, set by the `auth0(...).plugin`. */
    auth0: Auth0RequestHandle;
  }
}

/** What `auth0(...)` returns for a Fastify app; the guards are preHandlers. */
export interface FastifyAuth0 extends AdapterBinding<preHandlerAsyncHookHandler> {
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
export function auth0(options: Auth0AdapterOptions): FastifyAuth0 {
  const core = createAdapterCore(options);

  const guard = (check: AdapterCheck): preHandlerAsyncHookHandler =>
    async function (request, reply) {
      const answer = await check(adapterRequest(request, reply), request.auth0);
      if (answer) await send(reply, answer);
    };

  async function plugin(fastify: FastifyInstance): Promise<void> {
    if (!fastify.hasReplyDecorator('setCookie'))
      throw new Error('auth0-server-ts/fastify needs @fastify/cookie: register it before this plugin');
    fastify.decorateRequest('auth0', {
      getter(this: FastifyRequest): Auth0RequestHandle {
        throw new Error(
          `request.auth0 is set by the auth0 plugin only; ${this.url.split('?')[0]} was not reached through it`,
        );
      },
    });
    fastify.addHook('onRequest', async (request, reply) => {
      const cookies: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.cookies))
        if (value !== undefined) cookies[name] = value;
      const storeOptions: AdapterStoreOptions = {
        cookies,
        // @fastify/cookie takes maxAge in seconds, as the SDK gives it.
        write: (name, value, cookie) => void reply.setCookie(name, value, cookie),
      };
      Object.defineProperty(request, 'auth0', { value: core.bind(storeOptions), enumerable: true });
    });
    // The routes live in a child context, so their form parser does not change the app's.
    await fastify.register(async (routes) => {
      if (!routes.hasContentTypeParser('application/x-www-form-urlencoded'))
        routes.addContentTypeParser(
          'application/x-www-form-urlencoded',
          { parseAs: 'string', bodyLimit: MAX_BODY_BYTES },
          (_request, body, done) => done(null, parseForm(String(body))),
        );
      for (const { method, path } of core.mounted) {
        routes.route({
          method: method === 'GET' ? ['GET', 'HEAD'] : method,
          url: path,
          bodyLimit: MAX_BODY_BYTES,
          handler: async (request, reply) => {
            const answer = await core.route(adapterRequest(request, reply), request.auth0);
            if (!answer) return reply.callNotFound();
            return send(reply, answer);
          },
        });
      }
    });
  }
  // Not encapsulated: `request.auth0` and its hook apply to the whole app, as fastify-plugin would do.
  Object.defineProperty(plugin, Symbol.for('skip-override'), { value: true });

  return {
    client: core.client,
    plugin,
    ...core.guards(guard),
  };
}

/** Fastify has parsed the body (JSON, and forms through the routes' own parser). */
function adapterRequest(request: FastifyRequest, reply: FastifyReply) {
  return nodeAdapterRequest(request.raw, reply.raw, request.url, async () => request.body);
}

async function send(reply: FastifyReply, answer: AdapterResponse): Promise<FastifyReply> {
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
}
