import { describe, expect, it } from 'vitest';
import { CallbackError, IdTokenValidationError } from '../../src/index.js';
import { REDIRECT_URI, setup } from '../helpers/client.js';
import { CookieJar } from '../helpers/cookie-jar.js';

describe('startInteractiveLogin', () => {
  it('returns an /authorize URL with PKCE S256, state, nonce and the configured parameters', async () => {
    const { client, tenant } = await setup({
      authorizationParams: { redirect_uri: REDIRECT_URI, audience: 'https://api' },
    });
    const url = await client.startInteractiveLogin();
    expect(url.origin + url.pathname).toBe(`${tenant.issuer}authorize`);
    const p = url.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe(tenant.clientId);
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('state')).toBeTruthy();
    expect(p.get('nonce')).toBeTruthy();
    expect(p.get('audience')).toBe('https://api');
    expect(p.get('scope')).toBe('openid profile email offline_access');
    expect(p.get('redirect_uri')).toBe(REDIRECT_URI);
  });

  it('stores the transaction under <transactionIdentifier>.<state>', async () => {
    const { client, transactionStore } = await setup({ transactionIdentifier: 'tx' });
    const url = await client.startInteractiveLogin();
    const state = url.searchParams.get('state') ?? '';
    expect(await transactionStore.get(`tx.${state}`)).toMatchObject({ state });
  });

  it('pushes the parameters through PAR and redirects with request_uri only', async () => {
    const { client, tenant } = await setup();
    const url = await client.startInteractiveLogin({ pushedAuthorizationRequests: true });
    expect(tenant.counts.par).toBe(1);
    expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    await expect(client.completeInteractiveLogin(await tenant.authorize(url))).resolves.toEqual({});
  });

  it('refuses to start without a redirect_uri', async () => {
    const { client } = await setup({ authorizationParams: {} });
    await expect(client.startInteractiveLogin()).rejects.toThrow(/redirect_uri/);
  });
});

describe('completeInteractiveLogin', () => {
  it('exchanges the code, writes the session and returns the appState', async () => {
    const { client, login } = await setup();
    await expect(login({ appState: { returnTo: '/private' } })).resolves.toEqual({
      appState: { returnTo: '/private' },
    });
    const session = await client.getSession();
    expect(session?.user).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com' });
    expect(session?.refreshToken).toMatch(/^fake-rt-/);
    expect(session?.tokenSets).toHaveLength(1);
    expect(session?.tokenSets[0]).toMatchObject({ audience: 'default' });
    expect(session).not.toHaveProperty('internal');
  });

  it('accepts the callback URL as a string', async () => {
    const { client, tenant } = await setup();
    const callback = await tenant.authorize(await client.startInteractiveLogin());
    await expect(client.completeInteractiveLogin(callback.href)).resolves.toEqual({});
  });

  it('fails a tampered state with missing_transaction naming the transaction it looked for', async () => {
    const { client, tenant } = await setup();
    const callback = await tenant.authorize(await client.startInteractiveLogin());
    callback.searchParams.set('state', 'tampered');
    const err = await client.completeInteractiveLogin(callback).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallbackError);
    expect(err).toMatchObject({ code: 'missing_transaction', transaction: '__a0_tx.tampered' });
    // The state came from the URL: it is in the structured field only, never in the message.
    expect(String(err)).not.toContain('tampered');
  });

  it('fails a callback URL used twice', async () => {
    const { client, tenant } = await setup();
    const callback = await tenant.authorize(await client.startInteractiveLogin());
    await client.completeInteractiveLogin(callback);
    await expect(client.completeInteractiveLogin(callback)).rejects.toMatchObject({
      code: 'missing_transaction',
    });
    expect(tenant.counts.code).toBe(1);
  });

  it('completes two logins in flight in any order (two tabs)', async () => {
    const { client, tenant } = await setup();
    const first = await tenant.authorize(await client.startInteractiveLogin({ appState: 1 }));
    const second = await tenant.authorize(await client.startInteractiveLogin({ appState: 2 }));
    await expect(client.completeInteractiveLogin(second)).resolves.toEqual({ appState: 2 });
    await expect(client.completeInteractiveLogin(first)).resolves.toEqual({ appState: 1 });
  });

  it('turns an error in the callback into invalid_callback with the server error', async () => {
    const { client } = await setup();
    const url = await client.startInteractiveLogin();
    const callback = new URL(REDIRECT_URI);
    callback.searchParams.set('state', url.searchParams.get('state') ?? '');
    callback.searchParams.set('error', 'access_denied');
    callback.searchParams.set('error_description', 'User cancelled');
    await expect(client.completeInteractiveLogin(callback)).rejects.toMatchObject({
      code: 'invalid_callback',
      error: 'access_denied',
      errorDescription: 'User cancelled',
    });
  });

  it('deletes the transaction of a login the server answered with an error', async () => {
    const { client, transactionStore } = await setup();
    const state = (await client.startInteractiveLogin()).searchParams.get('state') ?? '';
    const callback = `${REDIRECT_URI}?error=access_denied&state=${state}`;
    await expect(client.completeInteractiveLogin(callback)).rejects.toMatchObject({
      code: 'invalid_callback',
    });
    expect(await transactionStore.get(`__a0_tx.${state}`)).toBeUndefined();
  });

  it('keeps the error and error_description of a callback out of the message, cleaned in structured fields', async () => {
    const { client } = await setup();
    const state = (await client.startInteractiveLogin()).searchParams.get('state') ?? '';
    const callback = new URL(REDIRECT_URI);
    callback.searchParams.set('state', state);
    callback.searchParams.set('error', 'access_denied<img src=x onerror=alert(1)>');
    const description = '<script>alert(1)</script>\r\nSet-Cookie: evil=1\u0000' + 'x'.repeat(5000);
    callback.searchParams.set('error_description', description);
    const err = await client.completeInteractiveLogin(callback).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallbackError);
    if (!(err instanceof CallbackError)) return;
    for (const text of [err.message, String(err.stack)]) {
      expect(text).not.toMatch(/<script|<img|Set-Cookie|evil|access_denied/);
    }
    expect(err.errorDescription).toMatch(/^<script>alert\(1\)<\/script>Set-Cookie: evil=1x+/);
    expect(err.errorDescription).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(err.errorDescription?.length).toBeLessThanOrEqual(512);
    expect(err.error).toBe('access_denied<img src=x onerror=alert(1)>');
  });

  for (const state of ['a; Domain=evil.example', 'a\r\nSet-Cookie: x=1', 'x'.repeat(300), 'a.b', 'é']) {
    it(`refuses a callback whose state is not a state this SDK makes (${JSON.stringify(state.slice(0, 24))})`, async () => {
      const { client, tenant, transactionStore } = await setup();
      const looked: string[] = [];
      const get = transactionStore.get.bind(transactionStore);
      const del = transactionStore.delete.bind(transactionStore);
      transactionStore.get = (key: string) => (looked.push(key), get(key));
      transactionStore.delete = (key: string) => (looked.push(key), del(key));
      const callback = await tenant.authorize(await client.startInteractiveLogin());
      callback.searchParams.set('state', state);
      for (const url of [
        callback,
        new URL(`${REDIRECT_URI}?error=access_denied&state=${encodeURIComponent(state)}`),
      ]) {
        const err = await client.completeInteractiveLogin(url).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(CallbackError);
        expect(err).toMatchObject({ code: 'invalid_callback' });
        expect(String(err)).not.toContain(state);
      }
      expect(looked).toEqual([]);
    });
  }

  it('fails a callback without state as invalid_callback', async () => {
    const { client } = await setup();
    await expect(client.completeInteractiveLogin(`${REDIRECT_URI}?code=x`)).rejects.toMatchObject({
      code: 'invalid_callback',
    });
  });

  it('rejects an ID token signed with a key not in the JWKS, writing no session', async () => {
    const { client, tenant, stateStore } = await setup();
    const realSign = tenant.sign;
    tenant.sign = (payload, opts) => realSign(payload, { ...opts, forge: true });
    const callback = await tenant.authorize(await client.startInteractiveLogin());
    await expect(client.completeInteractiveLogin(callback)).rejects.toBeInstanceOf(IdTokenValidationError);
    expect(await stateStore.get('__a0_session')).toBeUndefined();
  });

  it('rejects an ID token whose nonce does not match, naming the claim', async () => {
    const { client, tenant } = await setup();
    const url = await client.startInteractiveLogin();
    url.searchParams.set('nonce', 'another-nonce');
    const err = await client.completeInteractiveLogin(await tenant.authorize(url)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'id_token_invalid', claim: 'nonce' });
  });

  it('rejects an ID token whose azp is another client, even with a single audience', async () => {
    const { client, tenant, stateStore } = await setup();
    const url = await client.startInteractiveLogin();
    const callback = await tenant.authorize(url, { claims: { azp: 'another-client' } });
    const err = await client.completeInteractiveLogin(callback).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdTokenValidationError);
    expect(err).toMatchObject({ code: 'id_token_invalid', claim: 'azp' });
    expect(await stateStore.get('__a0_session')).toBeUndefined();
  });

  it('accepts an ID token whose azp is this client', async () => {
    const { client, tenant } = await setup();
    const url = await client.startInteractiveLogin();
    const callback = await tenant.authorize(url, { claims: { azp: tenant.clientId } });
    await expect(client.completeInteractiveLogin(callback)).resolves.toEqual({});
  });

  it('checks auth_time when max_age was sent', async () => {
    const { client, tenant } = await setup();
    const url = await client.startInteractiveLogin({ authorizationParams: { max_age: 60 } });
    const stale = Math.floor(Date.now() / 1000) - 3600;
    const err = await client
      .completeInteractiveLogin(await tenant.authorize(url, { authTime: stale }))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'id_token_invalid', claim: 'auth_time' });
  });

  it('starts a new session id at each login', async () => {
    const { stateStore, login } = await setup();
    await login();
    const first = (await stateStore.get('__a0_session'))?.internal.sid;
    await login();
    const second = (await stateStore.get('__a0_session'))?.internal.sid;
    expect(first).toBeTruthy();
    expect(second).not.toBe(first);
  });
});

describe('the login binding (login CSRF)', () => {
  /** A client over a server-side transaction store that binds logins through the cookies of `jar`. */
  async function bound() {
    const jar = new CookieJar();
    const s = await setup({ cookieHandler: jar });
    return { ...s, jar };
  }

  it('refuses a transaction its store gave back without the binding (fail closed), and writes no session', async () => {
    const { client, tenant, transactionStore, stateStore } = await bound();
    const url = await client.startInteractiveLogin();
    const get = transactionStore.get.bind(transactionStore);
    // A store that drops the fields it does not know.
    transactionStore.get = async (key: string) => {
      const tx = await get(key);
      return tx && { codeVerifier: tx.codeVerifier, state: tx.state, nonce: tx.nonce };
    };
    await expect(client.completeInteractiveLogin(await tenant.authorize(url))).rejects.toMatchObject({
      code: 'missing_transaction',
    });
    expect(await stateStore.get('__a0_session')).toBeUndefined();
    expect(tenant.counts.code).toBeUndefined(); // the code was not spent
  });

  it('removes the binding cookie once the last pending login completes', async () => {
    const { client, tenant, jar } = await bound();
    await client.completeInteractiveLogin(await tenant.authorize(await client.startInteractiveLogin()));
    expect(jar.names().filter((n) => n.includes('__a0_txb'))).toEqual([]);
  });

  it('refuses a login started with storeOptions when no cookieHandler can bind it to the browser', async () => {
    const { client } = await setup();
    await expect(client.startInteractiveLogin({}, { req: 'a browser' })).rejects.toThrow(/"cookieHandler"/);
  });
});
