import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../test/chromium.js';
import { ISSUER, listenOnLoopback, startApp, type RunningApp } from './bindings.js';

/**
 * What a real browser sends decides the logout route's answer: this checks that Chromium marks a link
 * from another site as cross-site, and the confirmation page's own link as same-origin.
 */
describe('logout in Chromium', { timeout: 60_000 }, () => {
  let app: RunningApp;
  let other: Awaited<ReturnType<typeof listenOnLoopback>>;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp('express');
    // Another site: "localhost" is not the same site as the app's "127.0.0.1".
    other = await listenOnLoopback();
    const target = `${app.url}/auth/logout`;
    other.use((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><a id="go" href="${target}">win a prize</a><a id="home" href="/">x</a>`),
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await other?.close();
    await app?.close();
  });

  it('a link on another site shows the confirmation page; its button logs out', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const ended: string[] = [];
    // The authorization server is not reachable from here: answer its end-session URL in the browser.
    await page.route(`${ISSUER}/**`, (route) => {
      ended.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: 'logged out' });
    });
    await page.goto(other.url.replace('127.0.0.1', 'localhost'));
    const [confirmation] = await Promise.all([
      page.waitForResponse(`${app.url}/auth/logout`),
      page.click('#go'),
    ]);
    expect(confirmation.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('Log out?');
    expect(ended).toEqual([]);

    await page.getByRole('link', { name: 'Log out' }).click();
    await page.waitForURL(`${ISSUER}/**`);
    expect(ended).toHaveLength(1);
    expect(new URL(ended[0] ?? '').pathname).toBe('/oidc/logout');
    await page.close();
  });
});
