import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth0 } from '../../src/adapters/express.js';
import { ALICE, GITHUB_ACCOUNT, startHarness, type AdapterHarness, type Browser } from './harness.js';

// The adapters complete a link at their one /auth/callback: completeInteractiveLogin recognises a
// link's transaction. The transaction is bound to the browser that started it, as a login's is.
describe('account linking through the Express adapter', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startHarness(async (options) => {
      const auth = auth0(options);
      const app = express();
      app.use(auth.router);
      app.get('/link', auth.requiresAuth(), async (req, res) => {
        const { client, storeOptions } = req.auth0;
        const url = await client.startLinkUser(
          { connection: 'github', appState: { returnTo: '/me' } },
          storeOptions,
        );
        res.redirect(url.href);
      });
      app.get('/me', auth.requiresAuth(), async (req, res) => {
        res.json(await req.auth0.getUser());
      });
      return app;
    });
  });
  afterAll(() => h.close());

  /** Starts a link in `browser` and signs in to GitHub at the emulator; the callback URL, not yet opened. */
  async function linkCallback(browser: Browser): Promise<string> {
    const start = await browser.visit('/link', { accept: 'text/html' });
    expect(start.status).toBe(302);
    return h.em.login(start.location, { ...ALICE, account: GITHUB_ACCOUNT, jar: browser.emulatorJar });
  }

  it('/auth/callback completes the link into the session and lands on its returnTo', async () => {
    await h.em.reset();
    const browser = h.browser();
    await browser.login();
    const callback = await browser.visit(await linkCallback(browser), { accept: 'text/html' });
    expect(callback.status).toBe(302);
    expect(callback.location).toBe('/me');
    const user = (await browser.visit('/me')).json();
    expect(user.sub).toBe('auth0|alice');
    expect(user.identities).toEqual([
      expect.objectContaining({ provider: 'auth0' }),
      expect.objectContaining({ provider: 'github', user_id: '1001' }),
    ]);
  });

  it("a link's callback opened in another browser completes nothing there, and the starting browser still can", async () => {
    await h.em.reset();
    const starter = h.browser();
    await starter.login();
    const other = h.browser();
    await other.login();
    const callbackUrl = await linkCallback(starter);
    await other.visit(callbackUrl, { accept: 'text/html' });
    expect((await other.visit('/me')).json().identities).toBeUndefined();
    const done = await starter.visit(callbackUrl, { accept: 'text/html' });
    expect(done.location).toBe('/me');
    expect((await starter.visit('/me')).json().identities).toHaveLength(2);
  });
});
