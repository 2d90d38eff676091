import { afterEach, describe, expect, it } from 'vitest';
import { startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

describe('getAccessToken against auth0-emulator', () => {
  let app: EmulatorApp | undefined;
  afterEach(() => app?.close());

  it('refreshes an expiring token with rotation, saving the new refresh token', async () => {
    app = await startEmulatorApp({ accessTokenTtl: 30 });
    await app.login();
    const before = await app.client.getSession();
    const token = await app.client.getAccessToken();
    const after = await app.client.getSession();
    expect(app.em.stats().refresh_token).toBe(1);
    expect(token.accessToken).not.toBe(before?.tokenSets[0]?.accessToken);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    await app.client.getAccessToken();
    expect(app.em.stats().refresh_token).toBe(2);
  });

  it('sends exactly one refresh to the server for twenty concurrent callers', async () => {
    app = await startEmulatorApp({ accessTokenTtl: 30 });
    await app.login();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => app?.client.getAccessToken()));
    expect(app.em.stats().refresh_token).toBe(1);
    expect(new Set(tokens.map((t) => t?.accessToken)).size).toBe(1);
    // The rotated refresh token was saved: the next refresh succeeds instead of invalid_grant.
    await expect(app.client.getAccessToken()).resolves.toBeDefined();
  });

  it('returns the cached token without contacting the server while it is fresh', async () => {
    app = await startEmulatorApp();
    await app.login();
    await app.client.getAccessToken();
    expect(app.em.stats().refresh_token ?? 0).toBe(0);
  });

  it('refresh: true gets a new token for a fresh one, once for concurrent callers, rotating the refresh token', async () => {
    app = await startEmulatorApp();
    await app.login();
    const before = await app.client.getSession();
    const cached = await app.client.getAccessToken();
    const forced = await app.client.getAccessToken({ refresh: true });
    expect(app.em.stats().refresh_token).toBe(1);
    expect(forced.accessToken).not.toBe(cached.accessToken);
    expect((await app.client.getSession())?.refreshToken).not.toBe(before?.refreshToken);
    expect((await app.client.getAccessToken()).accessToken).toBe(forced.accessToken);

    const burst = await Promise.all(
      Array.from({ length: 5 }, () => app?.client.getAccessToken({ refresh: true })),
    );
    expect(app.em.stats().refresh_token).toBe(2);
    expect(new Set(burst.map((t) => t?.accessToken)).size).toBe(1);
    expect(burst[0]?.accessToken).not.toBe(forced.accessToken);
  });
});
