/**
 * `auth0-server-ts/fastify`: a Fastify 5 plugin (over `@fastify/cookie`) serving the auth routes and
 * setting `request.auth0`, and the `requiresAuth` / `requiresStepUp` preHandlers. Node only: on Bun,
 * Deno or workers use `auth0-server-ts/web`.
 *
 * @packageDocumentation
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type {} from '@fastify/cookie';
import { Readable } from 'node:stream';
import {
  createAdapterCore,
  type AdapterBinding,
  type AdapterCheck,
  type AdapterResponse,
  type AdapterStoreOptions,
  type Auth0AdapterOptions,
  type Auth0RequestHandle,
} from './core/index.js';
import { nodeAdapterRequest, readNodeBody } from './node-request.js';

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
        host: request.headers.host,
      };
      Object.defineProperty(request, 'auth0', { value: core.bind(storeOptions), enumerable: true });
    });
    // The routes live in a child context, so their parser does not change the app's. It hands the
    // body's stream to the route, which reads it as Express and the web binding do: up to the limit,
    // answering 413 itself (Fastify's own limit would answer through the app's error handler).
    await fastify.register(async (routes) => {
      routes.removeAllContentTypeParsers();
      routes.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
      for (const { method, path } of core.mounted) {
        routes.route({
          method: method === 'GET' ? ['GET', 'HEAD'] : method,
          url: path,
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

/** On the routes, the body is still a stream (their parser passes it on); elsewhere the app's parsers ran. */
function adapterRequest(request: FastifyRequest, reply: FastifyReply) {
  return nodeAdapterRequest(request.raw, reply.raw, request.url, async () => {
    const body: unknown = request.body;
    return body instanceof Readable ? readNodeBody(body, request.raw, reply.raw) : body;
  });
}

async function send(reply: FastifyReply, answer: AdapterResponse): Promise<FastifyReply> {
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
}
