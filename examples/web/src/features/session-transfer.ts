import type { Express, Request, Response } from 'express';
import { TokenExchangeError } from 'auth0-server-ts';
import { html } from '../html.js';
import { alert, page, type PageContext } from '../pages/layout.js';
import type { FeatureDeps } from './shared.js';
import { PARTNER_TOKEN_TYPE, partnerToken } from './token-exchange.js';

/** The "web app"'s login route that receives the token (here the demo itself plays the web app). */
export const TRANSFER_LOGIN_PATH = '/session-transfer/login';

function formPage(ctx: PageContext, error?: string): string {
  return page(
    ctx,
    'Session transfer',
    html`${alert('error', error)}
      <section class="card">
        <p class="lead">
          Native-to-web single sign-on: an app where you are logged in (here, this one) trades your session
          for a short-lived, single-use session transfer token (<code>requestSessionTransferToken</code>, with
          your session's ID token as the actor), and sends a browser to the web app's login route with it
          (<code>buildSessionTransferRedirect</code>). The web app forwards the token to Auth0's
          <code>/authorize</code>, which logs the browser in as you without asking for a password.
        </p>
        <p class="muted">
          The subject token is one the partner of the <a href="/token-exchange">token exchange page</a> signs
          for you: the Token Exchange Profile in emulator.json accepts it.
        </p>
        <form method="post" action="/session-transfer">
          <button type="submit">Make a session transfer token</button>
        </form>
      </section>`,
  );
}

/**
 * `/session-transfer`: the logged-in user gets a session transfer token and a link to the web app's
 * login route carrying it; `/session-transfer/login` plays the web app, forwarding the token to
 * `/authorize`. The page shows that a token was made and when it expires, never its value (it is only
 * in the link, which the user opens in another browser).
 */
export function mountSessionTransfer(app: Express, deps: FeatureDeps, now: () => number = Date.now): void {
  const router = deps.formRouter(['/session-transfer']);
  const client = deps.auth.client;
  const requiresAuth = deps.auth.requiresAuth();

  router.get('/session-transfer', requiresAuth, (req, res) => deps.send(req, res, (ctx) => formPage(ctx)));
  router.post('/session-transfer', requiresAuth, async (req: Request, res: Response) => {
    const sub = (await req.auth0.getUser())?.sub;
    if (typeof sub !== 'string') return res.redirect(303, '/auth/login?returnTo=%2Fsession-transfer');
    let result;
    try {
      result = await client.requestSessionTransferToken(
        { subjectTokenType: PARTNER_TOKEN_TYPE, subjectToken: await partnerToken(sub) },
        req.auth0.storeOptions,
      );
    } catch (error) {
      if (!(error instanceof TokenExchangeError)) throw error;
      const why =
        error.code === 'actor_unavailable'
          ? 'Your session has no usable ID token to act with: log in again.'
          : 'Auth0 refused the session transfer.';
      return deps.send(req, res, (ctx) => formPage(ctx, why), 400);
    }
    const link = client.buildSessionTransferRedirect(new URL(TRANSFER_LOGIN_PATH, deps.base).href, result);
    const expires = new Date(now() + result.expiresIn * 1000);
    await deps.send(req, res, (ctx) =>
      page(
        ctx,
        'Session transfer token made',
        html`<section class="card">
            <p class="alert ok" role="status">A session transfer token was made for you.</p>
            <dl class="claims">
              <dt>expires in</dt>
              <dd id="transfer-expiry">
                ${String(result.expiresIn)} seconds (at
                <time datetime="${expires.toISOString()}">${expires.toISOString()}</time>)
              </dd>
              <dt>token type</dt>
              <dd><code>${result.issuedTokenType}</code></dd>
            </dl>
            <p>
              Open the link below in another browser or a private window (copy it): that browser lands on your
              profile, logged in as you, without a password. It works once, before the token expires.
            </p>
            <p>
              <a id="transfer-link" class="button" href="${link.href}" rel="noreferrer"
                >The web app's login link</a
              >
            </p>
            <p class="muted">
              The token is only in the link: this page does not show it, and the app keeps no copy.
            </p>
          </section>
          <p><a class="button secondary" href="/session-transfer">Make another</a></p>`,
      ),
    );
  });

  // The web app's side: forward the token to /authorize. No session needed: that is the point.
  router.get(TRANSFER_LOGIN_PATH, async (req, res) => {
    const token =
      typeof req.query.session_transfer_token === 'string' ? req.query.session_transfer_token : '';
    if (!token) return res.redirect(303, '/session-transfer');
    const url = await req.auth0.login({
      returnTo: '/profile',
      authorizationParams: { session_transfer_token: token },
    });
    res.redirect(url.href);
  });
  app.use(router);
}
