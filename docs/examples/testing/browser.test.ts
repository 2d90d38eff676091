// docs/testing.md: the app in a real browser (Debian's Chromium, driven by playwright-core), logged in
// two ways: a storageState made without a login, and a login through auth0-emulator's pages.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from 'auth0-emulator';
import { loginWithEmulator, TestSessions, writeStorageState } from 'auth0-server-ts/testing';
import { createApp } from './app.js';
import { CHROMIUM, launchChromium } from '../../../test/chromium.js';

const SECRET = 'the-app-cookie-secret-of-at-least-32-chars';
const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';

// In CI a missing browser is a failure; on a machine without Chromium the suite says why it skips.
const runs = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!runs) console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

describe.runIf(runs)('docs/testing.md: Playwright', { timeout: 60_000 }, () => {
  let browser: Browser;
  let emulator: Emulator;
  let server: Server;
  let appUrl = '';
  let dir = '';

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    emulator = await startEmulator({
      port: 0,
      quiet: true,
      config: {
        clients: [
          { client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [`${appUrl}/auth/callback`] },
        ],
        users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
      },
    });
    const app = createApp({
      domain: emulator.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      secret: SECRET,
      appBaseUrl: appUrl,
    });
    server.on('request', app);
    browser = await launchChromium();
    dir = await mkdtemp(join(tmpdir(), 'testing-doc-'));
  });
  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // #region storage-state
  it('a storageState file logs the browser in without a login', async () => {
    const sessions = new TestSessions({ secret: SECRET, appBaseUrl: appUrl });
    const session = await sessions.create({ user: { sub: 'auth0|alice' } });
    const file = join(dir, 'alice.json');
    await writeStorageState(file, session, appUrl);

    const context = await browser.newContext({ storageState: file });
    const page = await context.newPage();
    await page.goto(`${appUrl}/profile`);
    expect(JSON.parse((await page.locator('body').textContent()) ?? '')).toEqual({ sub: 'auth0|alice' });
    await context.close();
  });
  // #endregion storage-state

  // #region emulator-login
  it('loginWithEmulator logs in through the emulator’s own pages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginWithEmulator(page, {
      loginUrl: `${appUrl}/auth/login?returnTo=/profile`,
      email: 'alice@example.com',
      password: 'Passw0rd!',
    });
    expect(new URL(page.url()).pathname).toBe('/profile');
    expect(JSON.parse((await page.locator('body').textContent()) ?? '')).toEqual({ sub: 'auth0|alice' });
    await context.close();
  });
  // #endregion emulator-login
});
