// The DPoP page in Chromium: the demo's DPoP application logs in, calls the Payments API with DPoP,
// and the same token replayed as a bearer token is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, logInThroughEmulator, startDemoInChromium, type DemoInChromium } from './chromium.js';

describe('the Payments API with DPoP, in Chromium', () => {
  let run: DemoInChromium;
  beforeAll(async () => {
    run = await startDemoInChromium('dpop');
  }, 60_000);
  afterAll(() => run?.close());

  it('logs in with the DPoP application, is accepted with DPoP, and the bearer replay is refused', async () => {
    const { page, demo } = run;
    await logInThroughEmulator(page, demo, 'alice@example.com');
    await page.goto(`${demo.url}/`);
    await page.getByRole('link', { name: 'Payments API with DPoP' }).click();
    await page.waitForURL(`${demo.url}/dpop`);
    await run.screenshot('login');
    await page.getByRole('link', { name: 'Log in with DPoP' }).click();
    // The emulator may remember the login it just did, or ask again.
    await page.waitForURL(
      (url) => url.href === `${demo.url}/dpop` || url.href.startsWith(demo.emulator.issuer),
    );
    if (page.url().startsWith(demo.emulator.issuer)) {
      await page.getByLabel(/^email/i).fill('alice@example.com');
      await page.getByLabel(/^password/i).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /continue|log in/i }).click();
      await page.waitForURL(`${demo.url}/dpop`);
    }
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'The Payments API accepted the token with DPoP.',
    );
    await expect(page.locator('#bearer-replay').textContent()).resolves.toMatch(
      /bearer replay was refused \(401, dpop_bound_token_sent_as_bearer\)/,
    );
    await run.screenshot('accepted');
  });
});
