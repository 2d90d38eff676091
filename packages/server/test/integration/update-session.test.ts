import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

describe('updateSession against auth0-emulator', () => {
  let app: EmulatorApp;
  beforeAll(async () => {
    app = await startEmulatorApp();
  });
  afterAll(() => app.close());

  it('stores the changed user; a refresh that brings a new ID token files its claims instead', async () => {
    await app.login();
    const before = await app.client.getSession();
    await app.client.updateSession((session) => ({
      ...session,
      user: session.user && { ...session.user, name: 'Alice Renamed', plan: 'gold' },
    }));
    expect(await app.client.getUser()).toMatchObject({
      sub: 'auth0|alice',
      name: 'Alice Renamed',
      plan: 'gold',
    });
    expect((await app.client.getSession())?.refreshToken).toBe(before?.refreshToken);

    // A cached token reads the session as it is: the updated claims stay.
    await app.client.getAccessToken();
    expect(await app.client.getUser()).toMatchObject({ name: 'Alice Renamed', plan: 'gold' });

    // The emulator answers a refresh with a new ID token (as Auth0 does for an `openid` grant): the
    // session files that token's claims, as at login, so the app's additions are gone and the ID
    // token's own name is back. An app that keeps its own claims across refreshes adds them in
    // beforeSessionSaved, which runs for every new ID token.
    await app.client.getAccessToken({ refresh: true });
    const after = await app.client.getUser();
    expect(after).toMatchObject({ sub: 'auth0|alice' });
    expect(before?.user?.name).toEqual(expect.any(String));
    expect(after?.name).toBe(before?.user?.name);
    expect(after).not.toHaveProperty('plan');
  });
});
