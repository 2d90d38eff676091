// The README quick start: a whole Express 5 app on the SDK's Express adapter. It runs as it is against
// `npm run emulator` (`npm run quick-start`, then open http://127.0.0.1:3000/); its test runs it
// against auth0-emulator too.
import { pathToFileURL } from 'node:url';
// #region app
import express from 'express';
import { auth0 } from 'auth0-server-ts/express';

// The defaults are those of `npm run emulator`; set the variables to use your Auth0 tenant.
export const settings = {
  domain: process.env.AUTH0_DOMAIN ?? 'http://127.0.0.1:4400', // a tenant: 'your-tenant.eu.auth0.com'
  clientId: process.env.AUTH0_CLIENT_ID ?? 'emulator-app',
  clientSecret: process.env.AUTH0_CLIENT_SECRET ?? 'emulator-app-secret-at-least-32-characters',
  secret: process.env.AUTH0_SECRET ?? 'at-least-32-characters-that-encrypt-the-cookies', // change it
  appBaseUrl: process.env.APP_BASE_URL ?? 'http://127.0.0.1:3000',
};
const PAYMENTS = 'https://payments.example.com'; // an API that requires MFA in the emulator

export function createApp(options = settings) {
  const auth = auth0(options);
  const app = express();
  app.use(auth.router); // /auth/login, /auth/callback, /auth/logout, /auth/profile, /auth/mfa/*, ...

  app.get('/', async (req, res) => {
    const links = (await req.auth0.getUser())
      ? '<a href="/profile">Profile</a> · <a href="/payments">Payments (MFA)</a> · <a href="/auth/logout">Log out</a>'
      : '<a href="/auth/login?returnTo=/profile">Log in</a>';
    res.type('html').send(`<!doctype html><title>Quick start</title><p>${links}</p>`);
  });

  app.get('/profile', auth.requiresAuth(), async (req, res) => {
    res.json(await req.auth0.getUser()); // the ID token's claims
  });

  // Without MFA, a page visit logs in again with MFA; a fetch() gets 403 { error: 'mfa_required', mfaToken }.
  app.get('/payments', auth.requiresStepUp({ audience: PAYMENTS }), async (req, res) => {
    const { accessToken, expiresAt } = await req.auth0.getAccessToken({ audience: PAYMENTS });
    // Call your API with `Authorization: Bearer ${accessToken}`; here we only show that we have one.
    res.json({ audience: PAYMENTS, expiresAt, tokenLength: accessToken.length });
  });

  return app;
}
// #endregion app

// #region listen
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { hostname, port } = new URL(settings.appBaseUrl);
  createApp().listen(Number(port || 80), hostname, () => console.log(`Open ${settings.appBaseUrl}/`));
}
// #endregion listen
