// Connected accounts in Chromium: connect Google Calendar through the emulator's connect page, see it listed,
// delete it; a refused connection lands on the adapter's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInThroughEmulator, startDemoInChromium, type DemoInChromium } from './chromium.js';

describe('connected accounts in the demo, in Chromium', { timeout: 60_000 }, () => {
  let run: DemoInChromium;
  beforeAll(async () => {
    run = await startDemoInChromium('connected-accounts');
  });
  afterAll(() => run?.close());

  it('connects Google Calendar, lists it and deletes it', async () => {
    const { page, demo } = run;
    await logInThroughEmulator(page, demo, 'alice@example.com');
    await page.goto(`${demo.url}/`);
    await page.getByRole('link', { name: 'Connected accounts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connected accounts' }).waitFor();
    await expect(page.locator('#no-accounts').isVisible()).resolves.toBe(true);
    await run.screenshot('empty');

    await page.getByRole('link', { name: 'Connect Google Calendar' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${demo.emulator.issuer}connect`));
    await page.getByRole('heading', { level: 1, name: 'Connect google-oauth2' }).waitFor();
    await run.screenshot('connect-page');
    await page.getByRole('button', { name: 'Allow' }).click();

    await page.waitForURL(`${demo.url}/connected-accounts`);
    const item = page.locator('li[data-connection="google-oauth2"]');
    await item.waitFor();
    expect(await item.textContent()).toContain('https://www.googleapis.com/auth/calendar.events');
    await run.screenshot('connected');

    await page.getByRole('button', { name: 'Delete google-oauth2' }).click();
    await page.locator('#no-accounts').waitFor();
    await run.screenshot('deleted');
  });

  it('a refused connection lands on a page that says so, with nothing connected', async () => {
    const { page, demo } = run;
    await page.goto(`${demo.url}/connected-accounts`);
    await page.getByRole('link', { name: 'Connect GitHub' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connecting the account did not complete' }).waitFor();
    expect(await page.textContent('body')).toContain('cancelled or refused');
    await run.screenshot('refused');
    await page.goto(`${demo.url}/connected-accounts`);
    await page.locator('#no-accounts').waitFor();
  });
});
