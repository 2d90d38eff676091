import { afterEach, describe, expect, it } from 'vitest';
import { CallbackError, LoginRequiredError, MyAccountApiError } from '../../src/index.js';
import { startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

const connections = [{ name: 'google-oauth2', scope: 'calendar.readonly' }, { name: 'github' }];

/** The user's answer on the emulator's connect page: the redirect back to the app's callback. */
async function decide(app: EmulatorApp, connectUrl: URL, action: 'allow' | 'deny'): Promise<string> {
  const shown = await fetch(connectUrl);
  expect(shown.status).toBe(200);
  const answered = await fetch(new URL('connect', app.em.issuer), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ticket: connectUrl.searchParams.get('ticket') ?? '', action }),
  });
  expect(answered.status).toBe(303);
  return answered.headers.get('location') ?? '';
}

describe('connected accounts (My Account API) against auth0-emulator', () => {
  let app: EmulatorApp | undefined;
  afterEach(() => app?.close());

  it('connectAccount, completeConnectAccount, listConnectedAccounts and deleteConnectedAccount, with tokens from the session', async () => {
    app = await startEmulatorApp({ emulator: { connections } });
    await app.login();
    const url = await app.client.connectAccount({
      connection: 'google-oauth2',
      scopes: ['calendar.events'],
      appState: { returnTo: '/accounts' },
    });
    expect(url.href.startsWith(`${app.em.issuer}connect?ticket=`)).toBe(true);
    const callback = await decide(app, url, 'allow');
    expect(new URL(callback).searchParams.get('connect_code')).toBeTruthy();

    const account = await app.client.completeConnectAccount<{ returnTo: string }>(callback);
    expect(account).toMatchObject({
      connection: 'google-oauth2',
      accessType: 'offline',
      scopes: ['calendar.events'],
      appState: { returnTo: '/accounts' },
    });
    // One refresh for the My Account token (create scope), kept in the session for both calls.
    expect(app.em.stats().refresh_token).toBe(1);
    const me = `${app.em.issuer}me/`;
    expect((await app.client.getSession())?.tokenSets.map((set) => set.audience)).toContain(me);

    await expect(app.client.completeConnectAccount(callback)).rejects.toMatchObject({
      code: 'missing_transaction',
    });

    const page = await app.client.listConnectedAccounts();
    const { appState, ...filed } = account;
    expect(appState).toEqual({ returnTo: '/accounts' });
    expect(page).toEqual({ accounts: [filed] });
    expect(await app.client.listConnectedAccounts({ connection: 'github' })).toEqual({ accounts: [] });

    await app.client.deleteConnectedAccount(account.id);
    expect((await app.client.listConnectedAccounts()).accounts).toEqual([]);
    const gone = await app.client.deleteConnectedAccount(account.id).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(MyAccountApiError);
    expect(gone).toMatchObject({ code: 'my_account_api_error', status: 404 });
  });

  it('a refused connection is a CallbackError access_denied; a login callback cannot complete a connect transaction', async () => {
    app = await startEmulatorApp({ emulator: { connections } });
    await app.login();
    const denied = await decide(app, await app.client.connectAccount({ connection: 'github' }), 'deny');
    const err = await app.client.completeConnectAccount(denied).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallbackError);
    expect(err).toMatchObject({ code: 'invalid_callback', error: 'access_denied' });

    const allowed = await decide(app, await app.client.connectAccount({ connection: 'github' }), 'allow');
    await expect(app.client.completeInteractiveLogin(allowed)).rejects.toMatchObject({
      code: 'missing_transaction',
    });
  });

  it('the API refusing a connection is a MyAccountApiError that carries no token', async () => {
    app = await startEmulatorApp({ emulator: { connections } });
    await app.login();
    const session = await app.client.getSession();
    const err = await app.client.connectAccount({ connection: 'nope' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MyAccountApiError);
    expect(err).toMatchObject({ status: 400, detail: expect.stringContaining('connection') });
    const text = JSON.stringify(err) + String((err as Error).stack);
    for (const secret of [session?.refreshToken, ...(session?.tokenSets ?? []).map((s) => s.accessToken)])
      expect(text).not.toContain(secret ?? 'none');
  });

  it('without a session: LoginRequiredError, and bad arguments are TypeErrors, before any request', async () => {
    app = await startEmulatorApp({ emulator: { connections } });
    await expect(app.client.connectAccount({ connection: 'github' })).rejects.toBeInstanceOf(
      LoginRequiredError,
    );
    await expect(app.client.listConnectedAccounts()).rejects.toBeInstanceOf(LoginRequiredError);
    await expect(app.client.connectAccount({ connection: '' })).rejects.toThrow(/"connection"/);
    await expect(app.client.listConnectedAccounts({ take: 50 })).rejects.toThrow(/"take"/);
    expect(app.em.stats().refresh_token).toBeUndefined();
  });
});
