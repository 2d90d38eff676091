// docs/adapters/web.md: a whole Hono app on auth0-server-ts/web. Run as a program it listens on
// settings.appBaseUrl with @hono/node-server (against `npm run emulator` by default); its test runs
// it against auth0-emulator.
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
// #region app
import { Hono } from 'hono';
import { auth0, type Auth0AdapterOptions, type WebRequestAuth } from 'auth0-server-ts/web';
import { settings } from './settings.js';

const PAYMENTS = 'https://payments.example.com'; // an API that requires MFA in the emulator

export function createApp(options: Auth0AdapterOptions = settings) {
  const auth = auth0(options);
  const payments = auth.requiresStepUp({ audience: PAYMENTS });
  const app = new Hono<{ Variables: { auth0: WebRequestAuth } }>();

  app.use(async (c, next) => {
    const answer = await auth.handle(c.req.raw); // the /auth/* routes
    if (answer) return answer;
    const handle = auth.forRequest(c.req.raw);
    c.set('auth0', handle);
    await next();
    c.res = handle.apply(c.res); // cookies a refresh or an MFA step wrote during this request
  });

  app.get('/', async (c) => {
    const links = (await c.var.auth0.getUser())
      ? '<a href="/profile">Profile</a> · <a href="/payments">Payments (MFA)</a> · <a href="/auth/logout">Log out</a>'
      : '<a href="/auth/login?returnTo=/profile">Log in</a>';
    return c.html(`<!doctype html><title>Hono</title><p>${links}</p>`);
  });

  app.get(
    '/profile',
    async (c) => (await auth.requiresAuth(c.req.raw)) ?? c.json(await c.var.auth0.getUser()),
  );

  app.get('/payments', async (c) => {
    const denied = await payments(c.req.raw);
    if (denied) return denied;
    const { expiresAt } = await c.var.auth0.getAccessToken({ audience: PAYMENTS });
    return c.json({ audience: PAYMENTS, expiresAt });
  });
  return app;
}
// #endregion app

// #region serve
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { hostname, port } = new URL(settings.appBaseUrl);
  serve({ fetch: createApp().fetch, hostname, port: Number(port || 80) }, () =>
    console.log(`Open ${settings.appBaseUrl}/`),
  );
}
// #endregion serve
