// A web app on @auth0/auth0-server-js (the peer SDK), run as its own process with the emulator's CA in
// NODE_EXTRA_CA_CERTS, exactly as a developer would trust it. Each route calls one SDK operation and
// answers JSON, so the test drives the SDK over HTTP. One user, one session: the stores are maps.
import { createServer } from 'node:http';
import { ServerClient } from '@auth0/auth0-server-js';

const { DOMAIN, CLIENT_ID, CLIENT_SECRET, APP_PORT } = process.env;
const origin = `http://127.0.0.1:${APP_PORT}`;

const transactions = new Map();
const sessions = new Map();
const client = new ServerClient({
  domain: DOMAIN,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  authorizationParams: { redirect_uri: `${origin}/callback`, scope: 'openid profile email offline_access' },
  transactionStore: {
    get: async (id) => transactions.get(id),
    set: async (id, value) => void transactions.set(id, value),
    delete: async (id) => void transactions.delete(id),
  },
  stateStore: {
    get: async (id) => sessions.get(id),
    set: async (id, value) => void sessions.set(id, value),
    delete: async (id) => void sessions.delete(id),
    deleteByLogoutToken: async () => sessions.clear(),
  },
});

const routes = {
  '/login': async () => ({ redirect: (await client.startInteractiveLogin()).href }),
  '/callback': async (url) => {
    await client.completeInteractiveLogin(url);
    return { user: await client.getUser() };
  },
  '/user': async () => ({ user: (await client.getUser()) ?? null }),
  '/token': async (url) => {
    const audience = url.searchParams.get('audience');
    const tokens = await client.getAccessToken(audience ? { audience } : {});
    return { accessToken: tokens.accessToken, audience: tokens.audience };
  },
  // Moves every cached access token past its expiry, as time would, so the next /token refreshes.
  '/expire': async () => {
    for (const state of sessions.values()) for (const set of state.tokenSets) set.expiresAt = 0;
    return {};
  },
  '/mfa/authenticators': async (url) => ({
    authenticators: await client.mfa.listAuthenticators({ mfaToken: url.searchParams.get('mfa_token') }),
  }),
  '/mfa/challenge': async (url) =>
    client.mfa.challengeAuthenticator({
      mfaToken: url.searchParams.get('mfa_token'),
      challengeType: 'oob',
      authenticatorId: url.searchParams.get('authenticator_id'),
    }),
  '/mfa/verify': async (url) => {
    const answer = await client.mfa.verify({
      mfaToken: url.searchParams.get('mfa_token'),
      factorType: 'oob',
      oobCode: url.searchParams.get('oob_code'),
      bindingCode: url.searchParams.get('binding_code'),
    });
    return { accessToken: answer.access_token ?? answer.accessToken };
  },
  '/logout': async () => ({ redirect: (await client.logout({ returnTo: `${origin}/` })).href }),
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', origin);
  const route = routes[url.pathname];
  const send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (!route) return send(404, { error: 'not found' });
  route(url).then(
    (body) => send(200, body),
    // The error's kind and the server's answer, never a token value: the test asserts on these.
    (error) =>
      send(500, {
        error: error?.name,
        code: error?.code,
        message: error?.message,
        cause: error?.cause?.error,
        mfaToken: error?.cause?.mfa_token,
      }),
  );
});
server.listen(Number(APP_PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
