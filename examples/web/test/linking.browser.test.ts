// "Link a GitHub account" in a real Chromium: log in, link the emulator's GitHub account, see it listed
// from the ID token's identities, unlink it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInThroughEmulator, startDemoInChromium, type DemoInChromium } from './chromium.js';

describe('linked accounts in Chromium', { timeout: 60_000 }, () => {
  let run: DemoInChromium;
  beforeAll(async () => {
    run = await startDemoInChromium('linking');
  });
  afterAll(() => run?.close());

  it('logs in, links a GitHub account, sees it listed, unlinks it', async () => {
    const { page, demo } = run;
    await logInThroughEmulator(page, demo, 'alice@example.com');
    await page.goto(`${demo.url}/`);
    await page.getByRole('main').getByRole('link', { name: 'Linked accounts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Linked accounts' }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('github|');
    await run.screenshot('before');

    await page.getByRole('button', { name: 'Link a GitHub account' }).click();
    await page.waitForURL((url) => url.href.startsWith(demo.emulator.issuer));
    await page.getByRole('heading', { level: 1, name: 'Sign in to github' }).waitFor();
    await run.screenshot('github-sign-in');
    await page.getByLabel(/username/i).fill('octo-alice');
    await page.getByLabel(/^password/i).fill('Passw0rd!');
    await page.getByRole('button', { name: 'Link account' }).click();

    await page.waitForURL(`${demo.url}/linked-accounts`);
    const listed = page.getByRole('listitem').filter({ hasText: 'github|7001' });
    await listed.waitFor();
    expect(await listed.textContent()).toContain('Alice on GitHub');
    await expect(page.getByRole('button', { name: 'Link a GitHub account' }).count()).resolves.toBe(0);
    await run.screenshot('linked');

    await page.getByRole('button', { name: 'Unlink GitHub' }).click();
    await page.waitForURL((url) => url.href.startsWith(demo.emulator.issuer));
    await page.getByRole('heading', { level: 1, name: 'Unlink github' }).waitFor();
    await page.getByRole('button', { name: 'Unlink', exact: true }).click();

    await page.waitForURL(`${demo.url}/linked-accounts`);
    await page.getByRole('button', { name: 'Link a GitHub account' }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('github|7001');
    await run.screenshot('unlinked');
  });
});
