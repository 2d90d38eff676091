import { Hono } from 'hono';
import {
  MemorySessionStore,
  MissingSessionError,
  PasswordlessVerifyError,
  StatefulStateStore,
} from 'auth0-server-ts';
import { adapterCookies, auth0, type WebAuth0, type WebRequestAuth } from 'auth0-server-ts/web';
import { SUITE, type ScenarioEnv } from './env.js';

/** The app under test: what a Hono user deploys, the same code in every runtime. */
export interface SuiteApp {
  fetch(request: Request): Promise<Response>;
  /** The server-side sessions of the stateful app, for back-channel logout checks. */
  sessions: MemorySessionStore;
}

/**
 * Two `auth0-server-ts/web` instances behind one Hono app: `/auth/*` keeps the session in cookies
 * (the default stateless store), `/s/auth/*` keeps it server-side with an id cookie, so a back-channel
 * logout can find it. `/me`, `/token`, `/payments` (step-up: its tokens need MFA) and `/acme` (a login
 * into the organization `acme`) are the app's own routes; `/s/me` reads the server-side session;
 * `/passwordless/*` and `/linking/*` start those flows.
 */
export function createApp(env: ScenarioEnv): SuiteApp {
  const common = {
    domain: env.issuer.replace(/\/$/, ''),
    clientSecret: SUITE.clientSecret,
    secret: SUITE.appSecret,
    appBaseUrl: env.appOrigin,
    httpTimeout: 10_000,
  };
  const cookieAuth = auth0({
    ...common,
    clientId: SUITE.clientId,
    authorizationParams: { audience: SUITE.api, scope: 'openid profile email offline_access' },
    routes: { backchannelLogout: false },
  });
  const sessions = new MemorySessionStore();
  const statefulAuth = auth0({
    ...common,
    clientId: SUITE.statefulClientId,
    routes: {
      login: '/s/auth/login',
      callback: '/s/auth/callback',
      logout: '/s/auth/logout',
      backchannelLogout: '/s/auth/backchannel-logout',
      mfa: false,
    },
    stateStore: new StatefulStateStore(
      { secret: SUITE.appSecret, store: sessions, appBaseUrl: env.appOrigin },
      adapterCookies,
    ),
  });
  const payments = cookieAuth.requiresStepUp({ audience: SUITE.payments });
  const inOrganization = cookieAuth.requiresOrganization(SUITE.organization.name);

  const app = new Hono<{ Variables: { auth0: WebRequestAuth } }>();
  // Each path belongs to one instance: its routes answer, and its handle serves the app's routes.
  app.use(async (c, next) => {
    const auth: WebAuth0 = c.req.path.startsWith('/s/') ? statefulAuth : cookieAuth;
    const answer = await auth.handle(c.req.raw);
    if (answer) return answer;
    const handle = auth.forRequest(c.req.raw);
    c.set('auth0', handle);
    await next();
    c.res = handle.apply(c.res);
  });

  app.get('/', (c) => c.text('home'));
  app.get(
    '/me',
    async (c) => (await cookieAuth.requiresAuth(c.req.raw)) ?? c.json(await c.var.auth0.getUser()),
  );
  app.get('/token', async (c) => {
    const denied = await cookieAuth.requiresAuth(c.req.raw);
    if (denied) return denied;
    const { audience, expiresAt } = await c.var.auth0.getAccessToken();
    return c.json({ audience, expiresAt });
  });
  app.get('/payments', async (c) => {
    const denied = await payments(c.req.raw);
    if (denied) return denied;
    const { audience } = await c.var.auth0.getAccessToken({ audience: SUITE.payments });
    return c.json({ audience });
  });
  app.get('/acme', async (c) => (await inOrganization(c.req.raw)) ?? c.json(await c.var.auth0.getUser()));
  app.get(
    '/s/me',
    async (c) => (await statefulAuth.requiresAuth(c.req.raw)) ?? c.json(await c.var.auth0.getUser()),
  );
  // Passwordless on the cookie-session app: an email code, and a magic link back to /passwordless/callback.
  app.post('/passwordless/start', async (c) => {
    const { email, link } = await c.req.json<{ email: string; link?: boolean }>();
    const { client, storeOptions } = c.var.auth0;
    await client.startPasswordless(
      link
        ? { connection: 'email', email, send: 'link', redirectUri: `${env.appOrigin}/passwordless/callback` }
        : { connection: 'email', email },
      storeOptions,
    );
    return c.body(null, 204);
  });
  app.post('/passwordless/verify', async (c) => {
    const { email, code } = await c.req.json<{ email: string; code: string }>();
    const { client, storeOptions } = c.var.auth0;
    try {
      await client.completePasswordless({ connection: 'email', email, verificationCode: code }, storeOptions);
    } catch (err) {
      if (err instanceof PasswordlessVerifyError) return c.json({ error: err.code }, 403);
      throw err;
    }
    return c.json(await c.var.auth0.getUser());
  });
  app.get('/passwordless/callback', async (c) => {
    const { client, storeOptions } = c.var.auth0;
    await client.completePasswordlessMagicLink(new URL(c.req.url), storeOptions);
    return c.redirect('/', 302);
  });
  // Account linking on the cookie-session app: `POST /linking/link` or `/linking/unlink` with a
  // connection sends the browser to Auth0; both come back through /auth/callback, which lands on /me.
  app.post('/linking/:flow', async (c) => {
    const flow = c.req.param('flow');
    if (flow !== 'link' && flow !== 'unlink') return c.notFound();
    if (c.req.header('origin') !== env.appOrigin) return c.json({ error: 'cross_site_request' }, 403);
    const { connection } = await c.req.json<{ connection: string }>();
    const { client, storeOptions } = c.var.auth0;
    const options = { connection, appState: { returnTo: '/me' } };
    try {
      const url =
        flow === 'link'
          ? await client.startLinkUser(options, storeOptions)
          : await client.startUnlinkUser(options, storeOptions);
      return c.redirect(url.href, 303);
    } catch (err) {
      if (err instanceof MissingSessionError) return c.json({ error: err.code }, 401);
      throw err;
    }
  });
  return { fetch: async (request) => app.fetch(request), sessions };
}
