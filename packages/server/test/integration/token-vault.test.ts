import { afterEach, describe, expect, it } from 'vitest';
import { LoginRequiredError, TokenForConnectionError } from '../../src/index.js';
import { startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

const GRANT = 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token';
const connections = [
  { name: 'google-oauth2', scope: 'https://www.googleapis.com/auth/calendar.readonly' },
  { name: 'github', users: ['auth0|bob'] },
  // Shorter than the SDK's refresh leeway (60 s): every token it returns counts as expired at once.
  { name: 'short', expires_in: 30 },
];

describe('getAccessTokenForConnection against auth0-emulator', () => {
  let app: EmulatorApp | undefined;
  afterEach(() => app?.close());

  it('exchanges the refresh token once and keeps the upstream token in the session per connection', async () => {
    app = await startEmulatorApp({ emulator: { connections } });
    await app.login();
    const first = await app.client.getAccessTokenForConnection({ connection: 'google-oauth2' });
    expect(first).toMatchObject({
      connection: 'google-oauth2',
      scope: 'https://www.googleapis.com/auth/calendar.readonly',
    });
    expect(first.expiresAt).toBeGreaterThan(Date.now() / 1000 + 3000);
    const again = await app.client.getAccessTokenForConnection({ connection: 'google-oauth2' });
    expect(again.accessToken).toBe(first.accessToken);
    expect(app.em.stats()[GRANT]).toBe(1);
    const session = await app.client.getSession();
    expect(session?.connectionTokenSets).toEqual([first]);
    // The session's own tokens are untouched, and no refresh_token grant ran.
    expect(app.em.stats().refresh_token ?? 0).toBe(0);
  });

  it('shares one exchange among concurrent callers and asks again once the token is expired', async () => {
    app = await startEmulatorApp({ emulator: { connections } });
    await app.login();
    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => app?.client.getAccessTokenForConnection({ connection: 'short' })),
    );
    expect(new Set(tokens.map((t) => t?.accessToken)).size).toBe(1);
    expect(app.em.stats()[GRANT]).toBe(1);
    const next = await app.client.getAccessTokenForConnection({ connection: 'short', loginHint: 'alice' });
    expect(next.accessToken).not.toBe(tokens[0]?.accessToken);
    expect(next.loginHint).toBe('alice');
    expect(app.em.stats()[GRANT]).toBe(2);
  });

  it('throws TokenForConnectionError when the user has no account on the connection, with no token in it', async () => {
    app = await startEmulatorApp({ emulator: { connections } });
    await app.login();
    const session = await app.client.getSession();
    const err = await app.client
      .getAccessTokenForConnection({ connection: 'github' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenForConnectionError);
    expect(err).toMatchObject({ code: 'token_for_connection_error', error: 'invalid_grant', status: 403 });
    const unknown = await app.client
      .getAccessTokenForConnection({ connection: 'nope' })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'token_for_connection_error', error: 'invalid_request' });
    const text = JSON.stringify(err) + String((err as Error).stack) + String((err as Error).cause);
    expect(text).not.toContain(session?.refreshToken ?? 'none');
    expect((await app.client.getSession())?.connectionTokenSets).toBeUndefined();
  });

  it('throws LoginRequiredError without a session, before any request', async () => {
    app = await startEmulatorApp({ emulator: { connections } });
    await expect(
      app.client.getAccessTokenForConnection({ connection: 'google-oauth2' }),
    ).rejects.toBeInstanceOf(LoginRequiredError);
    await expect(app.client.getAccessTokenForConnection({ connection: '' })).rejects.toThrow(/connection/);
    expect(app.em.stats()[GRANT]).toBeUndefined();
  });
});
