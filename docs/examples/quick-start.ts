// A minimal web app with login, a protected page, an API call and logout, on node:http. The same
// five routes map one-to-one onto Express or Fastify handlers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  LoginRequiredError,
  ServerClient,
  parseCookieHeader,
  serializeCookie,
  type CookieHandler,
} from 'auth0-server-ts';

// #region client
/** What each call gets as `storeOptions`: the request to read cookies from, the response to write them to. */
export interface Http {
  req: IncomingMessage;
  res: ServerResponse;
}

/** Cookies over node:http; a framework adapter provides this for you. */
const cookies: CookieHandler<Http> = {
  getCookie: (name, http) => (http ? parseCookieHeader(http.req.headers.cookie ?? '')[name] : undefined),
  getCookies: (http) => (http ? parseCookieHeader(http.req.headers.cookie ?? '') : {}),
  setCookie: (name, value, options, http) =>
    http?.res.appendHeader('set-cookie', serializeCookie(name, value, options)),
  deleteCookie: (name, http, options) =>
    http?.res.appendHeader('set-cookie', serializeCookie(name, '', { ...options, maxAge: 0 })),
};

export function createClient(env: {
  domain: string;
  clientId: string;
  clientSecret: string;
  secret: string;
  appUrl: string;
}) {
  return new ServerClient<Http>({
    domain: env.domain,
    clientId: env.clientId,
    clientSecret: env.clientSecret,
    secret: env.secret, // >= 32 characters: encrypts the session cookies
    authorizationParams: { redirect_uri: `${env.appUrl}/auth/callback` },
    cookieHandler: cookies, // sessions and logins live in encrypted cookies
  });
}
// #endregion client

// #region routes
export function createApp(client: ServerClient<Http>, appUrl: string) {
  return createServer(async (req, res) => {
    const http = { req, res };
    const redirect = (to: URL | string) => res.writeHead(302, { location: String(to) }).end();
    try {
      switch (new URL(req.url ?? '/', appUrl).pathname) {
        case '/auth/login':
          return redirect(await client.startInteractiveLogin({ appState: { returnTo: '/profile' } }, http));
        case '/auth/callback': {
          const { appState } = await client.completeInteractiveLogin<{ returnTo: string }>(
            new URL(req.url ?? '', appUrl),
            http,
          );
          return redirect(appState?.returnTo ?? '/');
        }
        case '/profile': {
          const user = await client.getUser(http);
          return user ? res.end(`Hello ${user.name ?? user.sub}`) : redirect('/auth/login');
        }
        case '/api-token': {
          const { accessToken } = await client.getAccessToken({}, http);
          return res.end(`token of ${accessToken.length} characters`);
        }
        case '/auth/logout':
          return redirect(await client.logout({ returnTo: appUrl }, http));
        default:
          return res.end('<a href="/auth/login">Log in</a>');
      }
    } catch (err) {
      if (err instanceof LoginRequiredError) return redirect('/auth/login');
      res.writeHead(500).end('Something went wrong');
    }
  });
}
// #endregion routes
