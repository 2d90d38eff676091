import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { launchChromium } from '../../../test/chromium.js';
import { CLIENT_ID, CLIENT_SECRET, manualClock, start, token } from './support.js';

/** The user's side of CIBA as a person sees it: the /__dev/ciba page in Chromium. */
describe('the CIBA approval page in Chromium', { timeout: 60_000 }, () => {
  let em: Emulator;
  let browser: Browser;
  const clock = manualClock();
  beforeAll(async () => {
    em = await start({}, { now: clock.now });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await em?.close();
  });

  async function bcAuthorize(bindingMessage: string): Promise<string> {
    const response = await fetch(new URL('bc-authorize', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        scope: 'openid',
        binding_message: bindingMessage,
        login_hint: JSON.stringify({ format: 'iss_sub', iss: em.issuer, sub: 'auth0|alice' }),
      }).toString(),
    });
    const body = (await response.json()) as { auth_req_id: string };
    return body.auth_req_id;
  }

  it('lists each pending request by its binding message; its buttons approve one and deny the other', async () => {
    const tv = await bcAuthorize('Sign in on the TV: 4D2Q');
    const pay = await bcAuthorize('Pay 42 EUR: 7F3K');
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(new URL('__dev/ciba', em.issuer).href);
    expect(await page.textContent('h1')).toBe('Approve sign-in requests');
    const request = (message: string) => page.getByRole('region', { name: message });
    await Promise.all([
      page.waitForURL(/\/__dev\/ciba$/, { waitUntil: 'load' }),
      page.waitForResponse((r) => r.url().endsWith('/approve')),
      request('Sign in on the TV: 4D2Q').getByRole('button', { name: 'Approve' }).click(),
    ]);
    await expect.poll(() => page.getByRole('region').count()).toBe(1);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/deny')),
      request('Pay 42 EUR: 7F3K').getByRole('button', { name: 'Deny' }).click(),
    ]);
    await expect.poll(() => page.textContent('main')).toContain('No requests are waiting');

    const poll = (id: string) =>
      token(em, { grant_type: 'urn:openid:params:grant-type:ciba', auth_req_id: id });
    expect((await poll(tv)).status).toBe(200);
    expect((await poll(pay)).body.error).toBe('access_denied');
  });
});
