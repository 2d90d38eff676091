// The app docs/testing.md tests: an Express app with one page behind requiresAuth and two behind
// requiresStepUp. docs/examples/testing/app.test.ts and browser.test.ts run it.
import express, { type Express } from 'express';
import { auth0, type Auth0AdapterOptions } from 'auth0-server-ts/express';

export const PAYMENTS = 'https://payments.example.com';

// #region app
export function createApp(options: Auth0AdapterOptions): Express {
  const auth = auth0(options);
  const app = express();
  app.use(auth.router);
  app.get('/', (_req, res) => res.send('<h1>Home</h1>'));
  app.get('/profile', auth.requiresAuth(), async (req, res) => {
    const user = await req.auth0.getUser();
    res.json({ sub: user?.sub, org: user?.org_id });
  });
  // An access token for the Payments API; the authorization server may demand MFA for it.
  app.get('/payments', auth.requiresStepUp({ audience: PAYMENTS }), async (req, res) => {
    const { accessToken } = await req.auth0.getAccessToken({ audience: PAYMENTS });
    res.json({ authorized: accessToken.length > 0 });
  });
  // Only for a login that passed a second factor.
  app.get('/admin', auth.requiresStepUp({ amr: ['mfa'] }), (_req, res) => res.json({ admin: true }));
  return app;
}
// #endregion app
