// docs/adapters/express.md#after-the-callback-oncallback: an Express app whose onCallback sends a user
// with an unverified email to a page that says so, and a failed login to the app's own page; its test
// runs it against auth0-emulator.
// #region onCallback
import express from 'express';
import { auth0, type Auth0AdapterOptions } from 'auth0-server-ts/express';
import { settings } from './settings.js';

export function createApp(options: Auth0AdapterOptions = settings) {
  const auth = auth0({
    ...options,
    // Where the browser goes after /auth/callback: a path on this app, or undefined for the default.
    async onCallback(error, { returnTo }, session) {
      if (error) return `/login-failed?reason=${error.code}`;
      // The session is stored already, so /verify-email reads the user through req.auth0 too.
      if (session?.user?.email_verified === false)
        return `/verify-email?next=${encodeURIComponent(returnTo)}`;
      return undefined; // the default: returnTo
    },
  });
  const app = express();
  app.use(auth.router);
  app.get('/login-failed', (_req, res) => {
    res.status(400).send('<!doctype html><title>Sign-in failed</title><a href="/auth/login">Try again</a>');
  });
  return app;
}
// #endregion onCallback
