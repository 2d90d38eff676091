import express, { type NextFunction, type Request, type Response } from 'express';
import {
  LoginRequiredError,
  MemorySessionStore,
  MfaRequiredError,
  StatefulStateStore,
  isAuth0Error,
} from 'auth0-server-ts';
import { adapterCookies, auth0 } from 'auth0-server-ts/express';
import { connectedAccounts } from './features/connected-accounts.js';
import { mountCiba } from './features/ciba.js';
import { mountDatabase } from './features/database.js';
import { mountOrganizations } from './features/organizations.js';
import { mountPasswordless } from './features/passwordless.js';
import { formRouter, type FeatureDeps } from './features/shared.js';
import { mountTokenExchange } from './features/token-exchange.js';
import { mountSessionTransfer } from './features/session-transfer.js';
import { mountRevocation } from './features/revocation.js';
import { mountTokenVault } from './features/token-vault.js';
import { MfaFlows } from './mfa-flows.js';
import { mfaRoutes, startStepUp } from './mfa-routes.js';
import { mountLinking } from './features/linking.js';
import { apiPage, problemPage } from './pages/api.js';
import { homePage, type TestUser } from './pages/home.js';
import type { PageContext } from './pages/layout.js';
import { profilePage } from './pages/profile.js';
import { mountDpop, type DpopApplication } from './features/dpop.js';
import { paymentsApi } from './payments-api.js';
import { sameOriginPosts } from './same-origin.js';
import { mountPasskeys } from './features/passkeys.js';
import { FAVICON_SVG, STYLESHEET } from './style.js';

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  /** The authorization server: `http://127.0.0.1:4400` for the emulator, or a tenant's domain. */
  domain: string;
  clientId: string;
  clientSecret: string;
  /** At least 32 characters: encrypts the session cookies and the mfa tokens. */
  secret: string;
  /** Where the demo is served, without a trailing slash, e.g. `http://127.0.0.1:3000`. */
  appBaseUrl: string;
  /** The Payments API's audience; its tokens need MFA in the demo's emulator config. */
  paymentsAudience: string;
  /** The emulator's issuer when running against auth0-emulator: shows the note, the outbox, push help. */
  emulatorIssuer?: string;
  /** Users to offer on the home page (the emulator's seeded users). Default none. */
  testUsers?: TestUser[];
  /** Seconds between two checks of a push challenge. Default 2. */
  pushRefreshSeconds?: number;
  /** The DPoP page's application (one that requires DPoP) and key; without it, no DPoP page. */
  dpop?: DpopApplication;
}

/** Session lifetimes the profile page explains; the SDK's defaults, written out. */
const SESSION = { rolling: true, absoluteDuration: 3 * 86_400, inactivityDuration: 86_400 };

function issuerOf(domain: string): string {
  const url = new URL(/^https?:\/\//.test(domain) ? domain : `https://${domain}`);
  return url.origin + '/';
}

/**
 * The demo web app: home, profile, a Payments API page that steps up with MFA through `getAccessToken`,
 * the MFA pages, and logout, on `auth0-server-ts/express`.
 */
export function createDemoApp(options: DemoAppOptions): express.Express {
  const base = new URL(options.appBaseUrl);
  const secureCookies = base.protocol === 'https:';
  const issuer = issuerOf(options.domain);
  const flows = new MfaFlows();
  const auth = auth0({
    domain: options.domain,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    secret: options.secret,
    appBaseUrl: base.origin,
    // Sessions on the server (the cookie holds only an id), so the emulator's back-channel logout can end
    // them. In memory for the demo; a deployment would use a shared store such as Redis.
    stateStore: new StatefulStateStore(
      { secret: options.secret, store: new MemorySessionStore(), appBaseUrl: base.origin, ...SESSION },
      adapterCookies,
    ),
  });

  const context = async (req: Request): Promise<PageContext> => {
    const user = await req.auth0.getUser();
    const name =
      typeof user?.name === 'string' ? user.name : typeof user?.sub === 'string' ? user.sub : undefined;
    // The full path: inside a mounted router (/mfa) `req.path` is relative to the mount point.
    return { userName: name, path: req.baseUrl + req.path, emulatorIssuer: options.emulatorIssuer };
  };
  const send = async (req: Request, res: Response, view: (ctx: PageContext) => string, status = 200) => {
    res
      .status(status)
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(view(await context(req)));
  };

  const app = express();
  app.disable('x-powered-by');

  // One origin only: cookies set on 127.0.0.1 are not sent to localhost, so a login started on the other
  // name would come back to a callback that cannot find its transaction.
  app.use((req, res, next) => {
    if (req.headers.host === base.host) return next();
    res.redirect(308, new URL(req.originalUrl, base).href);
  });
  // form-action names the authorization server too: a linking form (features/linking.ts) posts here and
  // is redirected there, and browsers apply form-action to the redirect.
  const formTargets = `'self' ${new URL(issuer).origin}`;
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' });
    res.set(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'self'; img-src 'self' data:; form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`,
    );
    next();
  });
  app.get('/style.css', (_req, res) => {
    res.type('css').set('Cache-Control', 'public, max-age=300').send(STYLESHEET);
  });
  app.get('/favicon.ico', (_req, res) => {
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(FAVICON_SVG);
  });
  app.get('/payments-api/balance', paymentsApi({ issuer, audience: options.paymentsAudience }));

  if (options.dpop) mountDpop(app, options, options.dpop);
  app.use(auth.router);

  app.get('/', (req, res) => send(req, res, (ctx) => homePage(ctx, { testUsers: options.testUsers ?? [] })));

  app.get('/profile', auth.requiresAuth(), async (req, res) => {
    const session = await req.auth0.getSession();
    const user = session?.user;
    if (!session || !user) return res.redirect('/auth/login?returnTo=%2Fprofile');
    const since = typeof user.iat === 'number' ? user.iat : Math.floor(Date.now() / 1000);
    await send(req, res, (ctx) =>
      profilePage(ctx, {
        user,
        tokenSets: session.tokenSets,
        sessionEnds: { absolute: since + SESSION.absoluteDuration, idleSeconds: SESSION.inactivityDuration },
      }),
    );
  });

  connectedAccounts(app, { auth, origin: base.origin, send });

  app.get('/api', auth.requiresAuth(), async (req, res) => {
    let token;
    try {
      token = await req.auth0.getAccessToken({ audience: options.paymentsAudience });
    } catch (error) {
      if (error instanceof MfaRequiredError) return startStepUp(res, { flows, secureCookies }, error, '/api');
      if (error instanceof LoginRequiredError) return res.redirect('/auth/login?returnTo=%2Fapi');
      throw error;
    }
    const answer = await fetch(new URL('/payments-api/balance', base), {
      headers: { authorization: `Bearer ${token.accessToken}` },
    });
    const body: unknown = await answer.json();
    await send(req, res, (ctx) =>
      apiPage(ctx, {
        audience: token.audience,
        expiresAt: token.expiresAt,
        scope: token.scope,
        status: answer.status,
        body,
      }),
    );
  });

  // A form sent after the session ended (logged out in another tab, expired) gets a page saying so, not
  // the guard's JSON 401; page loads are sent to log in by the guard itself.
  const requiresAuthPage = auth.requiresAuth();
  const sessionForForms = async (req: Request, res: Response, next: NextFunction) => {
    const form = req.method === 'POST' && (req.headers.accept ?? '').includes('text/html');
    if (!form) return requiresAuthPage(req, res, next);
    if (await req.auth0.getSession()) return next();
    await send(
      req,
      res,
      (ctx) =>
        problemPage(ctx, 'Your session has ended', 'Log in again, then try once more.', {
          href: '/auth/login?returnTo=%2Fapi',
          label: 'Log in again',
        }),
      401,
    );
  };
  // The MFA forms enroll and verify factors: only this app's own pages may post them (SameSite alone
  // lets a sibling subdomain post).
  const refusedPost = (req: Request, res: Response) =>
    send(
      req,
      res,
      (ctx) =>
        problemPage(ctx, 'Request refused', 'That form was sent from another site.', {
          href: '/',
          label: 'Home',
        }),
      403,
    );
  app.use(
    '/mfa',
    sameOriginPosts(base.origin, refusedPost),
    sessionForForms,
    mfaRoutes({
      flows,
      secureCookies,
      emulatorIssuer: options.emulatorIssuer,
      pushRefreshSeconds: options.pushRefreshSeconds ?? 2,
      context,
    }),
  );
  mountLinking(app, { requiresAuth: requiresAuthPage, send, origin: base.origin, refusedPost });

  mountPasskeys(app, { origin: base.origin, context });

  // The features' pages (examples/web/src/features/), one line each; their links are in features/index.ts.
  const features: FeatureDeps = {
    auth,
    clientId: options.clientId,
    base,
    secureCookies,
    emulatorIssuer: options.emulatorIssuer,
    send,
    formRouter: (paths) =>
      formRouter(paths, sameOriginPosts(base.origin, refusedPost), (req, res) =>
        send(
          req,
          res,
          (ctx) =>
            problemPage(ctx, 'Form too large', 'That form was too large to read.', {
              href: '/',
              label: 'Home',
            }),
          413,
        ),
      ),
  };
  mountOrganizations(app, features);
  mountPasswordless(app, features);
  mountDatabase(app, features);
  mountCiba(app, features);
  mountTokenVault(app, features);
  mountTokenExchange(app, features);
  mountSessionTransfer(app, features);
  mountRevocation(app, features);

  app.use((req, res) =>
    send(
      req,
      res,
      (ctx) =>
        problemPage(ctx, 'Page not found', 'There is no page at this address.', { href: '/', label: 'Home' }),
      404,
    ),
  );
  // Unexpected failures get a page without details; the details go to the server's log, with no secrets
  // (SDK errors never carry tokens or codes in their messages).
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    console.error(`${req.method} ${req.path} failed:`, isAuth0Error(error) ? error.toJSON() : error);
    void send(
      req,
      res,
      (ctx) =>
        problemPage(ctx, 'Something went wrong', 'The request failed. Try again in a moment.', {
          href: '/',
          label: 'Home',
        }),
      500,
    ).catch(() => res.status(500).end());
  });
  return app;
}
