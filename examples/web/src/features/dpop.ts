import type express from 'express';
import type { DpopKeyPair } from 'auth0-server-ts';
import { auth0 } from 'auth0-server-ts/express';
import { html } from '../html.js';
import { page, type PageContext } from '../pages/layout.js';

/** The DPoP page's application: one registered with `dpop_bound_access_tokens` (Auth0: "Require DPoP"). */
export interface DpopApplication {
  clientId: string;
  clientSecret: string;
  /** The key the application's tokens are bound to; from configuration in a real deployment. */
  dpopKeyPair: DpopKeyPair;
}

/** The demo's options the DPoP page shares (see `DemoAppOptions`). */
type Demo = {
  domain: string;
  secret: string;
  appBaseUrl: string;
  paymentsAudience: string;
  emulatorIssuer?: string | undefined;
};

/** One call to the Payments API, as the page shows it. */
interface Call {
  status: number;
  body: Record<string, unknown>;
}

/**
 * The DPoP page (`/dpop`): a second application of the demo, registered to require DPoP, logs in under
 * `/dpop/auth/*` with its own session cookie, then calls the Payments API with the headers of
 * `getDPoPHeaders`, and replays the same token as a bearer token to show the API refuse it. Mount it
 * before the main `auth.router`: under `/dpop`, `req.auth0` is this application's.
 */
export function mountDpop(app: express.Express, demo: Demo, dpop: DpopApplication): void {
  const base = new URL(demo.appBaseUrl);
  const auth = auth0({
    ...dpop,
    useDpop: true,
    domain: demo.domain,
    secret: demo.secret,
    appBaseUrl: base.origin,
    routes: {
      login: '/dpop/auth/login',
      callback: '/dpop/auth/callback',
      logout: '/dpop/auth/logout',
      backchannelLogout: false,
      mfa: false,
    },
    stateIdentifier: '__a0_dpop',
    transactionIdentifier: '__a0_dpop_tx',
    authorizationParams: {
      audience: demo.paymentsAudience,
      scope: 'openid profile email offline_access read:balance',
    },
  });
  const api = new URL('/payments-api/balance', base).href;

  app.use('/dpop', auth.router);
  app.get('/dpop', async (req, res) => {
    const user = await req.auth0.getUser();
    const ctx: PageContext = {
      userName: typeof user?.name === 'string' ? user.name : undefined,
      path: '/dpop',
      emulatorIssuer: demo.emulatorIssuer,
    };
    res.type('html').set('Cache-Control', 'no-store');
    if (!user) return void res.send(dpopLoginPage(ctx));
    const token = await req.auth0.getAccessToken({ audience: demo.paymentsAudience });
    const headers = await auth.client.getDPoPHeaders({
      method: 'GET',
      url: api,
      accessToken: token.accessToken,
    });
    const withDpop = await call(api, { ...headers });
    const asBearer = await call(api, { authorization: `Bearer ${token.accessToken}` });
    res.send(dpopPage(ctx, token.tokenType ?? 'Bearer', withDpop, asBearer));
  });
}

async function call(url: string, headers: Record<string, string>): Promise<Call> {
  const answer = await fetch(url, { headers });
  const body: unknown = await answer.json();
  return { status: answer.status, body: typeof body === 'object' && body !== null ? { ...body } : {} };
}

function dpopLoginPage(ctx: PageContext): string {
  return page(
    ctx,
    'Payments API with DPoP',
    html`<section class="card">
      <p class="lead">
        A second application of this demo is registered to require DPoP: its tokens are bound to its own key,
        and an API accepts them only with a fresh proof signed by that key.
      </p>
      <p><a class="button" href="/dpop/auth/login?returnTo=%2Fdpop">Log in with DPoP</a></p>
    </section>`,
  );
}

function dpopPage(ctx: PageContext, tokenType: string, withDpop: Call, asBearer: Call): string {
  const accepted = withDpop.status === 200 && withDpop.body.binding === 'DPoP';
  const refused = asBearer.status === 401;
  return page(
    ctx,
    'Payments API with DPoP',
    html`<section class="card">
        <p class="alert ${accepted ? 'ok' : 'error'}" role="status">
          ${
            accepted
              ? 'The Payments API accepted the token with DPoP.'
              : `The Payments API answered ${withDpop.status} to the DPoP call.`
          }
        </p>
        <pre class="mono" id="dpop-answer">${JSON.stringify(withDpop.body, null, 2)}</pre>
      </section>
      <section class="card">
        <h2>The same token as a bearer token</h2>
        <p class="alert ${refused ? 'ok' : 'error'}" id="bearer-replay">
          ${
            refused
              ? `The bearer replay was refused (${asBearer.status}, ${String(asBearer.body.reason)}).`
              : `The bearer replay was answered ${asBearer.status}.`
          }
        </p>
        <p class="muted">
          Token type in the session: <code>${tokenType}</code>. A stolen DPoP-bound token is of no use without
          the application's private key.
        </p>
      </section>`,
  );
}
