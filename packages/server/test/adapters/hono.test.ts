import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { auth0, type WebRequestAuth } from '../../src/adapters/web.js';
import { PAYMENTS } from './harness.js';
import { describeAdapter } from './scenarios.js';

describeAdapter('Hono (web)', async (options) => {
  const auth = auth0(options);
  const payments = auth.requiresStepUp({ audience: PAYMENTS });
  const strong = auth.requiresStepUp({ amr: ['mfa'] });
  const app = new Hono<{ Variables: { auth0: WebRequestAuth } }>();
  app.use(async (c, next) => {
    const answer = await auth.handle(c.req.raw);
    if (answer) return answer;
    const handle = auth.forRequest(c.req.raw);
    c.set('auth0', handle);
    await next();
    c.res = handle.apply(c.res);
  });
  app.get(
    '/profile',
    async (c) => (await auth.requiresAuth(c.req.raw)) ?? c.json(await c.var.auth0.getUser()),
  );
  app.get('/payments', async (c) => {
    const denied = await payments(c.req.raw);
    if (denied) return denied;
    const { audience } = await c.var.auth0.getAccessToken({ audience: PAYMENTS });
    return c.json({ audience });
  });
  app.get('/strong', async (c) => (await strong(c.req.raw)) ?? c.json({ ok: true }));
  return getRequestListener(app.fetch);
});
