// The README quick start: an Express 5 app with login, a profile page, an API call and logout.
// Its test runs it against auth0-emulator.
// #region setup
import express, { type Request, type Response } from 'express';
import { LoginRequiredError, ServerClient, parseCookieHeader, type CookieHandler } from 'auth0-server-ts';

type Http = { req: Request; res: Response };

// Sessions live in encrypted cookies; this is how the SDK reads and writes them in Express.
const cookies: CookieHandler<Http> = {
  getCookies: (http) => parseCookieHeader(http?.req.headers.cookie ?? ''),
  getCookie: (name, http) => parseCookieHeader(http?.req.headers.cookie ?? '')[name],
  // The SDK's maxAge is in seconds, Express's in milliseconds.
  setCookie: (name, value, { maxAge, ...options } = {}, http) =>
    http?.res.cookie(name, value, { ...options, maxAge: maxAge === undefined ? undefined : maxAge * 1000 }),
  deleteCookie: (name, http, options) => http?.res.clearCookie(name, options),
};

export interface AppOptions {
  domain: string; // your tenant, e.g. tenant.eu.auth0.com
  clientId: string;
  clientSecret: string;
  secret: string; // >= 32 characters: encrypts the session cookies
  appUrl: string; // where this app runs, e.g. https://app.example.com
  apiUrl: string; // what /api/data calls with the user's access token
}
// #endregion setup

// #region routes
export function createApp({ appUrl, apiUrl, ...auth0 }: AppOptions) {
  const client = new ServerClient<Http>({
    ...auth0,
    authorizationParams: { redirect_uri: `${appUrl}/auth/callback` },
    cookieHandler: cookies,
  });
  const app = express();

  app.get('/auth/login', async (req, res) => {
    const url = await client.startInteractiveLogin({ appState: { returnTo: '/profile' } }, { req, res });
    res.redirect(url.href);
  });

  app.get('/auth/callback', async (req, res) => {
    const url = new URL(req.originalUrl, appUrl);
    const { appState } = await client.completeInteractiveLogin<{ returnTo: string }>(url, { req, res });
    res.redirect(appState?.returnTo ?? '/');
  });

  app.get('/profile', async (req, res) => {
    const user = await client.getUser({ req, res });
    if (user) res.json(user);
    else res.status(401).send('Not logged in: go to /auth/login');
  });

  app.get('/api/data', async (req, res) => {
    try {
      const { accessToken } = await client.getAccessToken({}, { req, res }); // refreshed when near expiry
      const api = await fetch(apiUrl, { headers: { authorization: `Bearer ${accessToken}` } });
      res.status(api.status).json(await api.json());
    } catch (err) {
      if (!(err instanceof LoginRequiredError)) throw err;
      res.status(401).json({ error: 'login_required' });
    }
  });

  app.get('/auth/logout', async (req, res) => {
    const url = await client.logout({ returnTo: appUrl }, { req, res });
    res.redirect(url.href);
  });

  return app;
}
// #endregion routes
