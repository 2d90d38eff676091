import express, { type NextFunction, type Request, type Response } from 'express';
import {
  PasskeyGetTokenError,
  PasskeyRegisterError,
  isAuth0Error,
  type PasskeyCredentialResponse,
} from 'auth0-server-ts';
import { html } from '../html.js';
import { page, type PageContext } from '../pages/layout.js';
import { sameOriginPosts } from '../same-origin.js';
import { PASSKEYS_SCRIPT } from './passkeys-script.js';

/** What the passkey pages need from the demo app. */
export interface PasskeyFeatureOptions {
  /** The app's origin: the only one whose pages may post here. */
  origin: string;
  context(req: Request): Promise<PageContext>;
}

// The demo's CSP with scripts from 'self' (and fetch to 'self'): only the passkey page widens it.
const PASSKEY_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function passkeyPage(ctx: PageContext, hostIsAddress: boolean): string {
  const warning = hostIsAddress
    ? html`<p class="alert error" role="alert">
        Passkeys need a host name, not an IP address: run the demo with
        <code>npm run demo -- --host localhost</code> and open it on <code>http://localhost</code>.
      </p>`
    : '';
  return page(
    ctx,
    'Sign up / log in with a passkey',
    html`${warning}
      <section class="card">
        <form id="passkey-signup">
          <h2>Sign up with a passkey</h2>
          <label for="passkey-email">Email</label>
          <input id="passkey-email" name="email" type="email" autocomplete="email webauthn" required />
          <label for="passkey-name">Name</label>
          <input id="passkey-name" name="name" type="text" autocomplete="name" />
          <p><button type="submit">Create a passkey</button></p>
        </form>
      </section>
      <section class="card">
        <form id="passkey-login">
          <h2>Log in with a passkey</h2>
          <p><button type="submit">Use my passkey</button></p>
        </form>
      </section>
      <p id="passkey-status" role="status" aria-live="polite"></p>
      <script src="/passkeys.js" defer></script>`,
  );
}

/**
 * "Sign up / log in with a passkey": the page and its script, and three JSON routes the script calls
 * (`client.passkey.register` / `challenge` for the WebAuthn options, `getToken` with the credential,
 * which writes the session). Posts from another origin are refused; bodies are read up to 16 KiB.
 */
export function mountPasskeys(app: express.Express, options: PasskeyFeatureOptions): void {
  const json = express.json({ limit: '16kb' });
  const refuse = (_req: Request, res: Response) =>
    res.status(403).json({ message: 'Refused: another site sent this.' });
  const router = express.Router();
  router.use(sameOriginPosts(options.origin, refuse));

  app.get('/passkeys.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(PASSKEYS_SCRIPT);
  });
  router.get('/', async (req, res) => {
    const ctx = await options.context(req);
    res
      .set({ 'Content-Security-Policy': PASSKEY_CSP, 'Cache-Control': 'no-store' })
      .type('html')
      .send(passkeyPage(ctx, /^[\d.]+$|^\[/.test(req.hostname)));
  });
  router.post('/register-options', json, async (req, res) => {
    const body: unknown = req.body;
    const field = (name: string) =>
      typeof body === 'object' && body !== null && typeof Reflect.get(body, name) === 'string'
        ? String(Reflect.get(body, name)).trim()
        : '';
    const email = field('email');
    if (!email) return void res.status(400).json({ message: 'Enter your email address.' });
    const name = field('name');
    const { authSession, authnParamsPublicKey } = await req.auth0.client.passkey.register({
      email,
      ...(name ? { name } : {}),
    });
    res.json({ authSession, publicKey: authnParamsPublicKey });
  });
  router.post('/login-options', json, async (req, res) => {
    const { authSession, authnParamsPublicKey } = await req.auth0.client.passkey.challenge();
    res.json({ authSession, publicKey: authnParamsPublicKey });
  });
  router.post('/verify', json, async (req, res) => {
    const body: unknown = req.body;
    const authSession =
      typeof body === 'object' && body !== null ? Reflect.get(body, 'authSession') : undefined;
    const credential =
      typeof body === 'object' && body !== null ? Reflect.get(body, 'credential') : undefined;
    if (typeof authSession !== 'string' || typeof credential !== 'object' || credential === null)
      return void res.status(400).json({ message: 'The passkey answer is incomplete.' });
    // The SDK checks the credential's shape; the authorization server verifies it.
    const answer = { authSession, credential: credential as PasskeyCredentialResponse };
    await req.auth0.client.passkey.getToken(answer, req.auth0.storeOptions);
    res.json({ redirect: '/profile' });
  });
  // What the script shows: a sentence, never the server's details (they go to the log, without secrets).
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error instanceof PasskeyRegisterError)
      return void res
        .status(400)
        .json({ message: 'That email cannot sign up with a passkey (is it taken?).' });
    if (error instanceof PasskeyGetTokenError)
      return void res.status(400).json({ message: 'That passkey was not accepted. Try again.' });
    const status = Number(Reflect.get(Object(error), 'status')) || 500;
    if (status >= 500)
      console.error(`${req.method} ${req.originalUrl} failed:`, isAuth0Error(error) ? error.toJSON() : error);
    res.status(status >= 400 && status < 500 ? status : 500).json({ message: 'The request failed.' });
  });
  app.use('/passkeys', router);
}
