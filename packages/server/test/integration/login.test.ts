import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

describe('login against auth0-emulator', () => {
  let app: EmulatorApp;
  beforeAll(async () => {
    app = await startEmulatorApp();
  });
  afterAll(() => app.close());

  it('logs in through the HTML login page and writes the session', async () => {
    await app.login();
    const session = await app.client.getSession();
    expect(session?.user).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com' });
    expect(session?.tokenSets[0]).toMatchObject({ audience: API });
    expect(typeof session?.refreshToken).toBe('string');
  });

  it('refuses the same callback URL twice', async () => {
    const url = await app.client.startInteractiveLogin();
    const callback = await app.em.login(url.href, { email: 'alice@example.com', password: 'Passw0rd!' });
    await app.client.completeInteractiveLogin(callback);
    await expect(app.client.completeInteractiveLogin(callback)).rejects.toMatchObject({
      code: 'missing_transaction',
    });
  });
});
