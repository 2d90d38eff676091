import type { Express, Request, Response } from 'express';
import { LoginRequiredError } from 'auth0-server-ts';
import { html, type Html } from '../html.js';
import { page } from '../pages/layout.js';
import type { FeatureDeps } from './shared.js';

/**
 * A token query only a refresh can answer: the session's token lacks the `phone` scope, so
 * `getAccessToken` must redeem the refresh token to get one (the SDK has no option to skip its cache).
 */
export const NEEDS_REFRESH = { scope: 'openid phone' } as const;

const logInAgain = html`<p>
  <a class="button" href="/auth/login?returnTo=%2Frevocation">Log in again</a>
</p>`;

/**
 * `/revocation`: "Revoke this session's refresh token" (`revokeRefreshToken({})`: revoked at Auth0 and
 * removed from the session), then the next refresh (`getAccessToken` for a token only a refresh gives)
 * fails with `login_required`, and the page offers to log in again.
 */
export function mountRevocation(app: Express, deps: FeatureDeps): void {
  const router = deps.formRouter(['/revocation']);
  const client = deps.auth.client;
  const show = (req: Request, res: Response, title: string, body: Html, status = 200) =>
    deps.send(req, res, (ctx) => page(ctx, title, body), status);

  router.use('/revocation', deps.auth.requiresAuth());
  router.get('/revocation', async (req, res) => {
    const session = await req.auth0.getSession();
    const holds = Boolean(session?.refreshToken);
    await show(
      req,
      res,
      'Revoke the refresh token',
      html`<section class="card">
        <p class="lead">
          A refresh token lets the app get new access tokens for as long as Auth0 keeps it. Revoking it at
          Auth0 (<code>revokeRefreshToken()</code>, RFC 7009) ends that in every instance of the app at once;
          the access tokens the session holds work until they expire, then the user logs in again.
        </p>
        <p id="holds-refresh-token">
          This session ${holds ? 'holds a refresh token.' : 'holds no refresh token.'}
        </p>
        ${
          holds
            ? html`<form method="post" action="/revocation">
                <button type="submit">Revoke this session's refresh token</button>
              </form>`
            : logInAgain
        }
        <p class="muted">
          At logout, <code>logout({ revokeRefreshToken: true })</code> does the same; the demo's
          <code>/auth/logout</code> route does not revoke.
        </p>
      </section>`,
    );
  });

  router.post('/revocation', async (req, res) => {
    try {
      await client.revokeRefreshToken({}, req.auth0.storeOptions);
    } catch (error) {
      if (!(error instanceof LoginRequiredError)) throw error;
      return show(
        req,
        res,
        'Nothing to revoke',
        html`<p class="alert error" role="alert">This session holds no refresh token.</p>
          ${logInAgain}`,
        409,
      );
    }
    let outcome: Html;
    try {
      await req.auth0.getAccessToken(NEEDS_REFRESH);
      outcome = html`<p class="alert error" role="alert" id="refresh-outcome">
        The refresh still worked: the token was not revoked.
      </p>`;
    } catch (error) {
      if (!(error instanceof LoginRequiredError)) throw error;
      outcome = html`<p class="alert ok" role="status" id="refresh-outcome">
        The next refresh failed with <code>${error.code}</code>: the user must log in again.
      </p>`;
    }
    await show(
      req,
      res,
      'Refresh token revoked',
      html`<section class="card">
          <p class="alert ok" role="status">Auth0 revoked this session's refresh token.</p>
          ${outcome}
          <p class="muted">
            The page asked <code>getAccessToken</code> for a token only a refresh can give (one with the
            <code>phone</code> scope).
          </p>
        </section>
        ${logInAgain}`,
    );
  });
  app.use(router);
}
