// Session transfer and refresh-token revocation in Chromium: a session transfer link logs a fresh browser in as
// the same user without a password, once; revoking the session's refresh token makes the next refresh fail
// with login_required, and logging in again gives the session a new one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, logInThroughEmulator, startDemoInChromium, type DemoInChromium } from './chromium.js';

describe(
  'session transfer and refresh-token revocation in the demo, in Chromium',
  { timeout: 90_000 },
  () => {
    let run: DemoInChromium;
    beforeAll(async () => {
      run = await startDemoInChromium('handoff');
    });
    afterAll(() => run?.close());

    it('hands the session to a fresh browser with a single-use link, never showing the token', async () => {
      const { page, demo, browser } = run;
      await logInThroughEmulator(page, demo, 'alice@example.com');
      await page.goto(`${demo.url}/`);
      await page.getByRole('link', { name: 'Session transfer' }).click();
      await page.getByRole('button', { name: 'Make a session transfer token' }).click();
      await page.getByRole('heading', { level: 1, name: 'Session transfer token made' }).waitFor();
      expect(await page.locator('#transfer-expiry').textContent()).toContain('60 seconds');
      await run.screenshot('token-made');

      const href = (await page.locator('#transfer-link').getAttribute('href')) ?? '';
      const link = new URL(href);
      expect(link.origin + link.pathname).toBe(`${demo.url}/session-transfer/login`);
      const token = link.searchParams.get('session_transfer_token') ?? '';
      expect(token.length).toBeGreaterThan(20);
      expect(await page.locator('body').innerText()).not.toContain(token);

      // Another browser, with no cookies: it lands on the profile as Alice, without the login form.
      const other = await browser.newContext();
      try {
        const web = await other.newPage();
        await web.goto(link.href);
        await web.waitForURL(`${demo.url}/profile`);
        expect(await web.locator('body').innerText()).toContain('Alice Newcomer');
        await web.screenshot({ path: `${SHOTS}handoff-transferred.png`, fullPage: true });
      } finally {
        await other.close();
      }

      // Spent: a third browser following the same link gets the login form.
      const third = await browser.newContext();
      try {
        const web = await third.newPage();
        await web.goto(link.href);
        await web.waitForURL((url) => url.href.startsWith(demo.emulator.issuer));
        await web.getByLabel(/^password/i).waitFor();
      } finally {
        await third.close();
      }
    });

    it("revokes the session's refresh token: the next refresh fails with login_required; logging in again mends it", async () => {
      const { page, demo } = run;
      await page.goto(`${demo.url}/`);
      await page.getByRole('link', { name: 'Revoke the refresh token' }).click();
      await page.getByRole('heading', { level: 1, name: 'Revoke the refresh token' }).waitFor();
      expect(await page.locator('#holds-refresh-token').textContent()).toContain('holds a refresh token');
      await page.getByRole('button', { name: "Revoke this session's refresh token" }).click();
      await page.getByRole('heading', { level: 1, name: 'Refresh token revoked' }).waitFor();
      expect(await page.locator('#refresh-outcome').textContent()).toContain(
        'The next refresh failed with login_required',
      );
      await run.screenshot('revoked');

      await page.goto(`${demo.url}/revocation`);
      expect(await page.locator('#holds-refresh-token').textContent()).toContain('holds no refresh token');
      await page.getByRole('link', { name: 'Log in again' }).click();
      await page.waitForURL(
        (url) => url.href.startsWith(demo.emulator.issuer) || url.pathname === '/revocation',
      );
      if (page.url().startsWith(demo.emulator.issuer)) {
        await page.getByLabel(/^email/i).fill('alice@example.com');
        await page.getByLabel(/^password/i).fill('Passw0rd!');
        await page.getByRole('button', { name: /continue|log in/i }).click();
      }
      await page.waitForURL(`${demo.url}/revocation`);
      expect(await page.locator('#holds-refresh-token').textContent()).toContain('holds a refresh token');
    });
  },
);
