// Several custom domains (the peer's DomainResolver) against auth0-emulator over loopback: the
// emulator answers as two issuers on one port, `127.0.0.1` (domain A) and `localhost` (domain B).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { createServer, type Server } from 'node:http';
import { CookieJar as BrowserJar } from 'auth0-emulator';
import {
  BackchannelLogoutError,
  InvalidConfigurationError,
  LoginRequiredError,
  MfaTokenInvalidError,
  ServerClient,
} from '../../src/index.js';
import { MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';
import { appClient, startTestEmulator } from '../../../../test/emulator.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { ALICE, API, APP_SECRET, CLIENT_SECRET as SECRET } from '../helpers/emulator-app.js';

const APP = 'http://127.0.0.1:3000';

/** What the app resolves its domain from: here the tenant a request is for. */
interface Req {
  tenant: 'a' | 'b';
}

describe('several custom domains against the emulator', () => {
  let em: Emulator;
  let issuers: Record<Req['tenant'], string>;
  let sent: URL[];
  let client: ServerClient<Req>;
  let stateStore: MemoryStateStore;
  const a: Req = { tenant: 'a' };
  const b: Req = { tenant: 'b' };

  beforeAll(async () => {
    em = await startTestEmulator({
      clients: [appClient(APP, SECRET)],
      apis: [{ audience: API, scopes: ['read:data'] }],
      users: [{ user_id: 'auth0|alice', ...ALICE }],
      connections: [{ name: 'github' }],
      custom_domains: ['localhost'],
    });
    issuers = { a: em.issuer, b: `http://localhost:${em.port}/` };
  });
  afterAll(() => em.close());

  const makeClient = (options: { tokenRefreshLeeway?: number } = {}) => {
    sent = [];
    // One store for both domains, as an app with one session store behind two host names has.
    stateStore = new MemoryStateStore();
    return new ServerClient<Req>({
      domain: (req) => issuers[req?.tenant ?? 'a'].replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: SECRET,
      secret: APP_SECRET,
      authorizationParams: { redirect_uri: `${APP}/auth/callback`, audience: API },
      stateStore,
      transactionStore: new MemoryTransactionStore(),
      // One browser: it binds each login to the browser that started it.
      cookieHandler: new CookieJar(),
      customFetch: (input, init) => {
        sent.push(new URL(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
      ...options,
    });
  };
  beforeEach(() => {
    client = makeClient();
  });

  const logIn = async (start: Req, complete = start) => {
    const url = await client.startInteractiveLogin({}, start);
    await client.completeInteractiveLogin(await em.login(url.href, ALICE), complete);
  };
  const hostsOf = (path: string) => sent.filter((url) => url.pathname === path).map((url) => url.host);

  it('a login on domain A is no session under domain B, and B never refreshes it', async () => {
    await logIn(a);
    const session = await client.getSession(a);
    expect(session?.user?.iss).toBe(issuers.a);
    expect(session?.domain).toBe(issuers.a.replace(/\/$/, ''));
    expect(await client.getSession(b)).toBeUndefined();
    expect(await client.getUser(b)).toBeUndefined();
    await expect(client.getAccessToken({}, b)).rejects.toBeInstanceOf(LoginRequiredError);
    expect(hostsOf('/oauth/token').filter((host) => host === new URL(issuers.b).host)).toEqual([]);
    // Still A's session under A.
    expect((await client.getSession(a))?.user?.sub).toBe('auth0|alice');
  });

  it('starts the login on the request domain: /authorize on B, ID token from B', async () => {
    const url = await client.startInteractiveLogin({}, b);
    expect(url.origin).toBe(new URL(issuers.b).origin);
    await client.completeInteractiveLogin(await em.login(url.href, ALICE), b);
    expect((await client.getSession(b))?.user?.iss).toBe(issuers.b);
    expect(await client.getSession(a)).toBeUndefined();
  });

  it('completes a transaction on the domain it started on, whatever the callback request resolves to', async () => {
    await logIn(b, a);
    // The code was exchanged at B and the ID token checked against B's discovery and keys.
    expect(hostsOf('/oauth/token')).toEqual([new URL(issuers.b).host]);
    expect((await client.getSession(b))?.user?.iss).toBe(issuers.b);
  });

  it('fetches discovery once per domain, and keeps each domain apart', async () => {
    await logIn(a);
    await logIn(b);
    await logIn(a);
    await client.logout({}, b);
    const discovery = hostsOf('/.well-known/openid-configuration').sort();
    expect(discovery).toEqual([new URL(issuers.a).host, new URL(issuers.b).host].sort());
  });

  it("refreshes a session at its own domain's token endpoint", async () => {
    // A leeway longer than the token's life: every getAccessToken refreshes.
    client = makeClient({ tokenRefreshLeeway: 10 * 86_400 });
    await logIn(b);
    sent.length = 0;
    const { accessToken } = await client.getAccessToken({}, b);
    expect(accessToken).toBeTruthy();
    expect(hostsOf('/oauth/token')).toEqual([new URL(issuers.b).host]);
    // Under A the same stored session is none: its refresh token never goes to A.
    await expect(client.getAccessToken({}, a)).rejects.toBeInstanceOf(LoginRequiredError);
    expect(hostsOf('/oauth/token')).toEqual([new URL(issuers.b).host]);
  });

  it("builds the logout URL on the request's domain, and a logout on A leaves B's session alone", async () => {
    await logIn(b);
    const onA = await client.logout({ returnTo: `${APP}/` }, a);
    expect(onA.origin).toBe(new URL(issuers.a).origin);
    expect(onA.searchParams.has('id_token_hint')).toBe(false);
    expect((await client.getSession(b))?.user?.sub).toBe('auth0|alice');

    const onB = await client.logout({ returnTo: `${APP}/` }, b);
    expect(onB.origin).toBe(new URL(issuers.b).origin);
    expect(onB.searchParams.get('id_token_hint')).toBeTruthy();
    expect(await client.getSession(b)).toBeUndefined();
  });

  it("calls the My Account API of the session's domain, with a token for that domain's audience", async () => {
    await logIn(b);
    expect(await client.listConnectedAccounts({}, b)).toEqual({ accounts: [] });
    const me = sent.filter((url) => url.pathname.startsWith('/me/'));
    expect(me.length).toBeGreaterThan(0);
    expect(me.every((url) => url.host === new URL(issuers.b).host)).toBe(true);
    const audiences = (await client.getSession(b))?.tokenSets.map((set) => set.audience);
    expect(audiences).toContain(`${issuers.b}me/`);
  });

  it('sends client.database calls to the request domain', async () => {
    await client.database.changePassword(
      { email: ALICE.email, connection: 'Username-Password-Authentication' },
      b,
    );
    expect(hostsOf('/dbconnections/change_password')).toEqual([new URL(issuers.b).host]);
  });

  it('refuses what a resolver returns that is not a domain with a typed error that does not repeat it', async () => {
    for (const value of ['', 'tenant.example.com/path', 'http://tenant.example.com', 42]) {
      const broken = new ServerClient<Req>({
        domain: () => value as string,
        clientId: 'app',
        clientSecret: SECRET,
        secret: APP_SECRET,
        authorizationParams: { redirect_uri: `${APP}/auth/callback` },
        stateStore: new MemoryStateStore(),
        transactionStore: new MemoryTransactionStore(),
        cookieHandler: new CookieJar(),
      });
      // getSession, which reads a bad cookie as no session, still surfaces a broken resolver.
      await expect(broken.getSession(a)).rejects.toBeInstanceOf(InvalidConfigurationError);
      const err: unknown = await broken.startInteractiveLogin({}, a).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidConfigurationError);
      expect(err).toMatchObject({ message: expect.stringContaining('"domain()"') });
      if (typeof value === 'string' && value !== '') expect((err as Error).message).not.toContain(value);
    }
  });
});

describe('back-channel logout and mfa tokens per custom domain', () => {
  let em: Emulator;
  let app: Server;
  let appOrigin: string;
  const tokens: string[] = [];
  const a: Req = { tenant: 'a' };
  const b: Req = { tenant: 'b' };

  beforeAll(async () => {
    // The app's back-channel logout endpoint only collects the tokens; the test hands them over.
    app = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        tokens.push(new URLSearchParams(body).get('logout_token') ?? '');
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const address = app.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    appOrigin = `http://127.0.0.1:${address.port}`;
    em = await startTestEmulator({
      clients: [appClient(appOrigin, SECRET, { backchannelPath: '/backchannel-logout' })],
      users: [{ user_id: 'auth0|alice', ...ALICE }],
      custom_domains: ['localhost'],
    });
  });
  afterAll(async () => {
    await em.close();
    await new Promise<void>((resolve) => app.close(() => resolve()));
  });

  const resolverClient = () => {
    const issuers: Record<Req['tenant'], string> = { a: em.issuer, b: `http://localhost:${em.port}/` };
    return new ServerClient<Req>({
      domain: (req) => issuers[req?.tenant ?? 'a'],
      clientId: 'app',
      clientSecret: SECRET,
      secret: APP_SECRET,
      authorizationParams: { redirect_uri: `${appOrigin}/auth/callback` },
      stateStore: new MemoryStateStore(),
      transactionStore: new MemoryTransactionStore(),
      cookieHandler: new CookieJar(),
    });
  };

  it("validates a logout token against its own domain: B's token is refused under A, acted on under B", async () => {
    const client = resolverClient();
    const url = await client.startInteractiveLogin({}, b);
    const browser = new BrowserJar();
    await client.completeInteractiveLogin(await em.login(url.href, { ...ALICE, jar: browser }), b);
    const logout = await fetch(new URL('v2/logout?client_id=app', `http://localhost:${em.port}/`), {
      headers: { cookie: browser.header() },
      redirect: 'manual',
    });
    expect(logout.status).toBeLessThan(400);
    const token = tokens.at(-1) ?? '';
    expect(token).not.toBe('');

    const refused: unknown = await client.handleBackchannelLogout(token, a).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BackchannelLogoutError);
    expect(refused).toMatchObject({ code: 'logout_token_invalid' });
    expect(await client.getSession(b)).toBeDefined();

    await client.handleBackchannelLogout(token, b);
    expect(await client.getSession(b)).toBeUndefined();
  });

  it('seals mfa tokens to the domain: one sealed on B is refused under A', async () => {
    const client = resolverClient();
    const sealed = await client.mfa.encryptMfaToken({ mfaToken: 'raw-mfa-token' }, b);
    await expect(client.mfa.decryptMfaToken(sealed, b)).resolves.toMatchObject({ mfaToken: 'raw-mfa-token' });
    await expect(client.mfa.decryptMfaToken(sealed, a)).rejects.toBeInstanceOf(MfaTokenInvalidError);
  });
});
