// docs/adapters/fastify.md: a whole Fastify 5 app on auth0-server-ts/fastify. Run as a program it
// listens on settings.appBaseUrl (against `npm run emulator` by default); its test runs it against
// auth0-emulator.
import { pathToFileURL } from 'node:url';
// #region app
import fastifyCookie from '@fastify/cookie';
import fastify from 'fastify';
import { auth0, type Auth0AdapterOptions } from 'auth0-server-ts/fastify';
import { settings } from './settings.js';

const PAYMENTS = 'https://payments.example.com'; // an API that requires MFA in the emulator

export async function createApp(options: Auth0AdapterOptions = settings) {
  const auth = auth0(options);
  const app = fastify();
  await app.register(fastifyCookie); // the adapter reads and writes cookies through it
  await app.register(auth.plugin); // the /auth/* routes, and request.auth0 on every request

  app.get('/', async (request, reply) => {
    const links = (await request.auth0.getUser())
      ? '<a href="/profile">Profile</a> · <a href="/payments">Payments (MFA)</a> · <a href="/auth/logout">Log out</a>'
      : '<a href="/auth/login?returnTo=/profile">Log in</a>';
    return reply.type('text/html').send(`<!doctype html><title>Fastify</title><p>${links}</p>`);
  });

  app.get('/profile', { preHandler: auth.requiresAuth() }, (request) => request.auth0.getUser());

  app.get('/payments', { preHandler: auth.requiresStepUp({ audience: PAYMENTS }) }, async (request) => {
    const { expiresAt } = await request.auth0.getAccessToken({ audience: PAYMENTS });
    return { audience: PAYMENTS, expiresAt };
  });
  return app;
}
// #endregion app

// #region listen
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { hostname, port } = new URL(settings.appBaseUrl);
  const app = await createApp();
  await app.listen({ host: hostname, port: Number(port || 80) });
  console.log(`Open ${settings.appBaseUrl}/`);
}
// #endregion listen
