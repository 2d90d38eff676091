import type { Express } from 'express';
import { TokenExchangeError } from 'auth0-server-ts';
import { SignJWT, decodeJwt, importJWK } from 'jose';
import { html } from '../html.js';
import { alert, page, type PageContext } from '../pages/layout.js';
import { field, type FeatureDeps } from './shared.js';

/** The subject token type of the custom token exchange profile in emulator.json. */
export const PARTNER_TOKEN_TYPE = 'https://partner.example/id-token';
const PARTNER_ISSUER = 'https://partner.example';
/**
 * The "partner" that signs the subject tokens, played by the demo. Its public half is the profile's key
 * in emulator.json. Only for this local demo: a real partner keeps its private key to itself.
 */
const PARTNER_KEY = {
  kty: 'EC',
  crv: 'P-256',
  x: 'nm6awQuY_Sje03s2gDpxAJga6oouZBa1laeFBuPtFSY',
  y: 'Aw7mhJFObFSjG0VDYHWU3fDEBnxhE-7AMMuVckjo6S8',
  d: 'JH2syLXSeXjoq1wCAR3Vk-msFHjw68R91sLKXtti5hQ',
};
const SUBJECTS = ['auth0|alice', 'auth0|carol', 'auth0|dave'];

/** A JWT the partner signs for `sub`: the subject token its Token Exchange Profile accepts. */
export async function partnerToken(sub: string): Promise<string> {
  const key = await importJWK(PARTNER_KEY, 'ES256');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setIssuer(PARTNER_ISSUER)
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

/** A JWT's claims, or undefined for an opaque token. */
function claimsOf(token: string | undefined): Record<string, unknown> | undefined {
  if (!token) return undefined;
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

function formPage(ctx: PageContext, error?: string): string {
  return page(
    ctx,
    'Custom token exchange',
    html`${alert('error', error)}
      <section class="card">
        <p class="lead">
          A partner signs a token for one of its users; the app trades it for Auth0 tokens with
          <code>customTokenExchange</code> (RFC 8693). The tenant's Token Exchange Profile for
          <code>${PARTNER_TOKEN_TYPE}</code> trusts the partner's key (emulator.json).
        </p>
        <form method="post" action="/token-exchange">
          <label for="subject">The partner's user</label>
          <select id="subject" name="sub">
            ${SUBJECTS.map((sub) => html`<option value="${sub}">${sub}</option>`)}
          </select>
          <button type="submit">Make a partner token and exchange it</button>
        </form>
      </section>`,
  );
}

/**
 * `/token-exchange`: the demo plays a partner that signs a JWT for a user, and exchanges it
 * (`customTokenExchange`, no session written); the page shows the partner's token, which the demo made,
 * and the claims of the tokens Auth0 returned (never their values).
 */
export function mountTokenExchange(app: Express, deps: FeatureDeps): void {
  const router = deps.formRouter(['/token-exchange']);
  router.get('/token-exchange', (req, res) => deps.send(req, res, (ctx) => formPage(ctx)));
  router.post('/token-exchange', async (req, res) => {
    const sub = field(req, 'sub');
    if (!SUBJECTS.includes(sub)) return deps.send(req, res, (ctx) => formPage(ctx, 'Choose a user.'), 400);
    const subjectToken = await partnerToken(sub);
    let tokens;
    try {
      tokens = await deps.auth.client.customTokenExchange({
        subjectTokenType: PARTNER_TOKEN_TYPE,
        subjectToken,
        scope: 'openid profile email',
      });
    } catch (error) {
      if (!(error instanceof TokenExchangeError)) throw error;
      return deps.send(req, res, (ctx) => formPage(ctx, 'The exchange was refused.'), 400);
    }
    const idClaims = claimsOf(tokens.idToken);
    const accessClaims = claimsOf(tokens.accessToken);
    await deps.send(req, res, (ctx) =>
      page(
        ctx,
        'Token exchanged',
        html`<section class="card">
            <p class="alert ok" role="status">Auth0 accepted the partner's token for <code>${sub}</code>.</p>
            <h2>The partner's token (made by the demo)</h2>
            <pre class="mono" id="subject-token">${subjectToken}</pre>
            <pre class="mono" id="subject-claims">${json(claimsOf(subjectToken))}</pre>
          </section>
          <section class="card">
            <h2>What Auth0 returned</h2>
            <dl class="claims">
              <dt>token type</dt>
              <dd><code>${tokens.tokenType ?? 'Bearer'}</code></dd>
              <dt>scope</dt>
              <dd><code>${tokens.scope ?? '(none)'}</code></dd>
            </dl>
            <h3>ID token claims</h3>
            <pre class="mono" id="id-token-claims">${idClaims ? json(idClaims) : '(no ID token)'}</pre>
            <h3>Access token claims</h3>
            <pre class="mono" id="access-token-claims">
${accessClaims ? json(accessClaims) : '(an opaque token)'}</pre>
            <p class="muted">
              The tokens stay on the server; this page shows only their claims. No session was written.
            </p>
          </section>
          <p><a class="button secondary" href="/token-exchange">Exchange another</a></p>`,
      ),
    );
  });
  app.use(router);
}
