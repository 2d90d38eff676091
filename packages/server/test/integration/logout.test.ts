import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

describe('logout against auth0-emulator', () => {
  let app: EmulatorApp;
  beforeAll(async () => {
    app = await startEmulatorApp();
  });
  afterAll(() => app.close());

  it("deletes the session and returns the emulator's end-session URL", async () => {
    await app.login();
    const url = await app.client.logout({ returnTo: 'http://127.0.0.1/' });
    expect(url.href.startsWith(app.em.issuer)).toBe(true);
    expect(url.searchParams.get('client_id')).toBe('app');
    expect(await app.client.getSession()).toBeUndefined();
  });

  it('ends the session when the emulator delivers a back-channel logout to the app', async () => {
    const browser = await app.login();
    expect(await app.client.getSession()).toBeDefined();
    const res = await fetch(new URL('v2/logout?client_id=app', app.em.issuer), {
      headers: { cookie: browser },
      redirect: 'manual',
    });
    expect(res.status).toBeLessThan(400);
    expect(app.received.at(-1)).toEqual({ status: 200 });
    expect(await app.client.getSession()).toBeUndefined();
  });
});
