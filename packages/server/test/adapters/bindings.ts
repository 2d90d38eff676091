import type { RequestListener } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import { getRequestListener } from '@hono/node-server';
import express, { type ErrorRequestHandler } from 'express';
import fastify from 'fastify';
import { Hono } from 'hono';
import { auth0 as expressAuth0 } from '../../src/adapters/express.js';
import { auth0 as fastifyAuth0 } from '../../src/adapters/fastify.js';
import { auth0 as webAuth0 } from '../../src/adapters/web.js';
import { listenOnLoopback } from '../../../../test/loopback.js';
import type { Auth0AdapterOptions } from '../../src/adapters/core/index.js';

export const ISSUER = 'https://tenant.eu.auth0.com';

/** Options for an app that never reaches a real server: discovery comes from `customFetch`. */
export const offlineOptions: Omit<Auth0AdapterOptions, 'appBaseUrl'> = {
  domain: ISSUER,
  clientId: 'app',
  clientSecret: 'a-client-secret',
  secret: 'a-cookie-secret-of-at-least-32-characters',
  customFetch: async () =>
    Response.json({
      issuer: `${ISSUER}/`,
      authorization_endpoint: `${ISSUER}/authorize`,
      token_endpoint: `${ISSUER}/oauth/token`,
      end_session_endpoint: `${ISSUER}/oidc/logout`,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
    }),
};

/** One app over loopback, with the app's own error handler recording what reached it. */
export interface RunningApp {
  url: string;
  /** What the framework's error handling received (it answers `500 { error: 'app_error_handler' }`). */
  errors: unknown[];
  close(): Promise<void>;
}

export const BINDINGS = ['express', 'fastify', 'web'] as const;
export type Binding = (typeof BINDINGS)[number];

export const builders: Record<
  Binding,
  (options: Auth0AdapterOptions, errors: unknown[]) => Promise<RequestListener>
> = {
  async express(options, errors) {
    const app = express();
    app.use(expressAuth0(options).router);
    const onError: ErrorRequestHandler = (err, _req, res, _next) => {
      errors.push(err);
      res.status(500).json({ error: 'app_error_handler' });
    };
    app.use(onError);
    return app;
  },
  async fastify(options, errors) {
    const app = fastify();
    app.setErrorHandler((err, _request, reply) => {
      errors.push(err);
      return reply.code(500).send({ error: 'app_error_handler' });
    });
    await app.register(fastifyCookie);
    await app.register(fastifyAuth0(options).plugin);
    await app.ready();
    return (req, res) => app.server.emit('request', req, res);
  },
  async web(options, errors) {
    const auth = webAuth0(options);
    const app = new Hono();
    app.use(async (c, next) => (await auth.handle(c.req.raw)) ?? next());
    app.onError((err, c) => {
      errors.push(err);
      return c.json({ error: 'app_error_handler' }, 500);
    });
    return getRequestListener(app.fetch);
  },
};

export { listenOnLoopback };

/** Starts `binding` on a free loopback port with `options` (its `appBaseUrl` is the server's). */
export async function startApp(
  binding: Binding,
  options: Omit<Auth0AdapterOptions, 'appBaseUrl'> = offlineOptions,
): Promise<RunningApp> {
  const { url, use, close } = await listenOnLoopback();
  const errors: unknown[] = [];
  use(await builders[binding]({ ...options, appBaseUrl: url }, errors));
  return { url, errors, close };
}
