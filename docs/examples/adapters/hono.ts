// docs/adapters/web.md: a Hono app on auth0-server-ts/web. Its test runs it against auth0-emulator.
// #region app
import { Hono } from 'hono';
import { auth0, type Auth0AdapterOptions, type WebRequestAuth } from 'auth0-server-ts/web';

export function createApp(options: Auth0AdapterOptions) {
  const auth = auth0(options);
  const payments = auth.requiresStepUp({ audience: 'https://payments.example.com' });
  const app = new Hono<{ Variables: { auth0: WebRequestAuth } }>();

  app.use(async (c, next) => {
    const answer = await auth.handle(c.req.raw); // the /auth/* routes
    if (answer) return answer;
    const handle = auth.forRequest(c.req.raw);
    c.set('auth0', handle);
    await next();
    c.res = handle.apply(c.res); // cookies a refresh or an MFA step wrote during this request
  });

  app.get(
    '/profile',
    async (c) => (await auth.requiresAuth(c.req.raw)) ?? c.json(await c.var.auth0.getUser()),
  );

  app.get('/payments', async (c) => {
    const denied = await payments(c.req.raw);
    if (denied) return denied;
    const { expiresAt } = await c.var.auth0.getAccessToken({ audience: 'https://payments.example.com' });
    return c.json({ expiresAt });
  });
  return app;
}
// #endregion app
