import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import {
  CallbackError,
  IdTokenValidationError,
  MissingSessionError,
  RequestError,
  ServerClient,
  StartLinkUserError,
} from '../../src/index.js';
import { MemoryStateStore, MemoryTransactionStore } from '../../src/stores/index.js';
import { startTestEmulator } from '../../../../test/emulator.js';
import { ALICE, APP_SECRET, CLIENT_SECRET } from '../helpers/emulator-app.js';
import { makeState } from '../helpers/state.js';

const REDIRECT_URI = 'http://127.0.0.1:3999/auth/callback';
const BOB = { email: 'bob@example.com', password: 'Passw0rd!' };
const OCTO = { username: 'octo-alice', password: 'gh-Passw0rd!' };
const SESSION = '__a0_session';

describe('account linking against auth0-emulator', () => {
  let em: Emulator;
  let store: MemoryStateStore;
  let app: ServerClient;
  beforeAll(async () => {
    em = await startTestEmulator({
      clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI] }],
      users: [
        { user_id: 'auth0|alice', ...ALICE },
        { user_id: 'auth0|bob', ...BOB },
      ],
      connections: [
        { name: 'github', accounts: [{ user_id: '1001', username: 'octo-alice', password: 'gh-Passw0rd!' }] },
      ],
    });
  });
  afterAll(() => em?.close());
  beforeEach(async () => {
    await em.reset();
    store = new MemoryStateStore();
    app = new ServerClient({
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      secret: APP_SECRET,
      authorizationParams: { redirect_uri: REDIRECT_URI, scope: 'openid profile email offline_access' },
      stateStore: store,
      transactionStore: new MemoryTransactionStore(),
    });
  });

  const logIn = async (user = ALICE) =>
    app.completeInteractiveLogin(await em.login((await app.startInteractiveLogin()).href, user));

  it('startLinkUser sends Auth0 linking parameters with the session ID token as id_token_hint, PKCE, state and nonce', async () => {
    await logIn();
    const url = await app.startLinkUser({
      connection: 'github',
      connectionScope: 'read:user',
      authorizationParams: { scope: 'openid admin', id_token_hint: 'x' },
    });
    const q = url.searchParams;
    expect(q.get('scope')).toBe('openid link_account offline_access');
    expect(q.get('requested_connection')).toBe('github');
    expect(q.get('requested_connection_scope')).toBe('read:user');
    expect(q.get('id_token_hint')).toBe((await app.getSession())?.idToken);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')).toBeTruthy();
    expect(q.get('nonce')).toBeTruthy();
    const unlink = (await app.startUnlinkUser({ connection: 'github' })).searchParams;
    expect(unlink.get('scope')).toBe('openid unlink_account');
    expect(unlink.has('requested_connection_scope')).toBe(false);
  });

  it('startLinkUser and startUnlinkUser without a session throw MissingSessionError', async () => {
    for (const start of [
      () => app.startLinkUser({ connection: 'github' }),
      () => app.startUnlinkUser({ connection: 'github' }),
    ]) {
      const err = await start().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MissingSessionError);
      expect(err).toMatchObject({ code: 'login_required', peerCode: 'missing_session_error' });
    }
  });

  it('startLinkUser without a connection is a TypeError naming it', async () => {
    await logIn();
    await expect(app.startLinkUser({ connection: '' })).rejects.toThrow('"connection"');
  });

  it('completeLinkUser links the account: the same session (same id) now lists the identity, and appState comes back', async () => {
    await logIn();
    const before = await store.get(SESSION);
    const url = await app.startLinkUser({ connection: 'github', appState: { returnTo: '/profile' } });
    const result = await app.completeLinkUser(await em.login(url.href, { ...ALICE, account: OCTO }));
    expect(result).toEqual({ appState: { returnTo: '/profile' } });
    const after = await store.get(SESSION);
    expect(after?.internal.sid).toBe(before?.internal.sid);
    expect(after?.idToken).not.toBe(before?.idToken);
    expect((await app.getUser())?.identities).toEqual([
      expect.objectContaining({ provider: 'auth0', user_id: 'alice' }),
      expect.objectContaining({ connection: 'github', user_id: '1001', isSocial: true }),
    ]);
    // The unlink, and completeInteractiveLogin recognises its transaction (one /auth/callback for all).
    const unlink = await app.startUnlinkUser({ connection: 'github' });
    await expect(app.completeInteractiveLogin(await em.login(unlink.href, ALICE))).resolves.toEqual({});
    expect((await app.getUser())?.sub).toBe('auth0|alice');
    expect((await app.getUser())?.identities).toBeUndefined();
    expect((await store.get(SESSION))?.internal.sid).toBe(before?.internal.sid);
  });

  it("a link completed in another user's session is id_token_user_mismatch, and that session is unchanged", async () => {
    await logIn();
    const url = await app.startLinkUser({ connection: 'github' });
    const callback = await em.login(url.href, { ...ALICE, account: OCTO });
    await app.logout();
    await logIn(BOB);
    const bobs = await store.get(SESSION);
    const err = await app.completeLinkUser(callback).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdTokenValidationError);
    expect(err).toMatchObject({
      code: 'id_token_user_mismatch',
      claim: 'sub',
      peerCode: 'token_by_code_error',
    });
    expect(await store.get(SESSION)).toEqual(bobs);
  });

  it('a link whose session ended meanwhile is a MissingSessionError and writes nothing', async () => {
    await logIn();
    const url = await app.startLinkUser({ connection: 'github' });
    const callback = await em.login(url.href, { ...ALICE, account: OCTO });
    await app.logout();
    await expect(app.completeLinkUser(callback)).rejects.toBeInstanceOf(MissingSessionError);
    expect(await store.get(SESSION)).toBeUndefined();
  });

  it('a refused link (the account is linked to another user) is a CallbackError with the server error, no secret in it', async () => {
    await logIn(BOB);
    await app.completeLinkUser(
      await em.login((await app.startLinkUser({ connection: 'github' })).href, { ...BOB, account: OCTO }),
    );
    await logIn();
    const alices = await store.get(SESSION);
    const callback = await em.login((await app.startLinkUser({ connection: 'github' })).href, {
      ...ALICE,
      account: OCTO,
    });
    const err = await app.completeLinkUser(callback).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallbackError);
    expect(err).toMatchObject({ code: 'invalid_callback', error: 'access_denied' });
    expect(JSON.stringify(err)).not.toContain(String(alices?.idToken));
    expect(String((err as Error).stack)).not.toContain(String(alices?.idToken));
    expect(await store.get(SESSION)).toEqual(alices);
  });

  it("completeLinkUser does not spend a login's transaction, nor completeUnlinkUser a link's", async () => {
    const login = await em.login((await app.startInteractiveLogin()).href, ALICE);
    await expect(app.completeLinkUser(login)).rejects.toMatchObject({ code: 'missing_transaction' });
    await app.completeInteractiveLogin(login);
    const link = await em.login((await app.startLinkUser({ connection: 'github' })).href, {
      ...ALICE,
      account: OCTO,
    });
    await expect(app.completeUnlinkUser(link)).rejects.toMatchObject({ code: 'missing_transaction' });
    await expect(app.completeLinkUser(link)).resolves.toEqual({ appState: undefined });
  });

  it('a failed start (discovery unreachable) is a StartLinkUserError and a RequestError', async () => {
    const stores = new MemoryStateStore();
    await stores.set(SESSION, makeState());
    const withSession = new ServerClient({
      domain: 'http://127.0.0.1:9',
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      secret: APP_SECRET,
      authorizationParams: { redirect_uri: REDIRECT_URI },
      stateStore: stores,
      transactionStore: new MemoryTransactionStore(),
      customFetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const err = await withSession.startLinkUser({ connection: 'github' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartLinkUserError);
    expect(err).toBeInstanceOf(RequestError);
    expect(err).toMatchObject({ peerCode: 'start_link_user_error' });
  });
});
