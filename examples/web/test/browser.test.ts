// The demo in a real browser: Debian's Chromium driven by playwright-core, against the demo app and
// auth0-emulator on ephemeral ports. Each step leaves a screenshot in test/screenshots/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { type Browser, type Locator, type Page } from 'playwright-core';
import decodeQR from 'qr/decode.js';
import { generateSync } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../src/start.js';
import { launchChromium } from '../../../test/chromium.js';
import {
  DEMO_PASSWORD as PASSWORD,
  logInThroughEmulator,
  SHOTS,
  outboxCode as sentCode,
} from './chromium.js';

// Generous per-step limits: on a loaded machine one login through the emulator's pages takes seconds.
describe('the demo in Chromium', { timeout: 60_000 }, () => {
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;
  let shot = 0;
  let aliceRecoveryCode = '';
  const callbacks: string[] = [];
  const urls: string[] = [];
  const pages: string[] = [];
  const notFound: string[] = [];

  const screenshot = async (name: string) => {
    shot += 1;
    await page.screenshot({ path: `${SHOTS}${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true });
  };
  const heading = () => page.getByRole('heading', { level: 1 });
  // Waits for the page whose title is `name` (after a redirect the old page may still be showing).
  const expectHeading = (name: string) =>
    page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

  const logIn = (email: string) => logInThroughEmulator(page, demo, email);

  async function logOut() {
    await page.getByRole('link', { name: 'Log out' }).click();
    await page.waitForLoadState();
    // An emulator that asks before signing out gets its button pressed; one that honours id_token_hint
    // (as Auth0 does) comes straight back.
    if (page.url().startsWith(demo.emulator.issuer))
      await page.getByRole('button', { name: /sign out|yes/i }).click();
    await page.waitForURL(`${demo.url}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Log in' }).waitFor();
  }

  async function expectApiWorks() {
    await page.waitForURL(`${demo.url}/api`);
    await page.getByText('The Payments API accepted your access token.').waitFor();
    expect(JSON.parse((await page.locator('#api-answer').textContent()) ?? '{}')).toMatchObject({
      balance: { currency: 'EUR' },
    });
  }

  const outboxCode = (channel: string) => sentCode(demo, channel);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    demo = await startDemo({ port: 0, emulatorPort: 0, quiet: true, pushRefreshSeconds: 1 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    page.setDefaultTimeout(10_000);
    page.on('request', (request) => {
      urls.push(request.url());
      if (request.url().startsWith(`${demo.url}/auth/callback?`)) callbacks.push(request.url());
    });
    page.on('response', (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
    page.on('response', async (response) => {
      if (response.url().startsWith(`${demo.url}/mfa`) && response.status() === 200)
        pages.push(await response.text().catch(() => ''));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('logs in from the home page through the emulator', async () => {
    await page.goto(`${demo.url}/`);
    expect(await page.getByRole('note').textContent()).toContain('auth0-emulator');
    // Carol's authenticator app key and recovery code are on the test-users card, not only in the console.
    const carol = demo.testUsers.find((user) => user.userId === 'auth0|carol');
    await page.getByText(carol?.recoveryCode ?? 'no recovery code').waitFor();
    expect(await page.getByText('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP').count()).toBeGreaterThan(0);
    await screenshot('home');
    await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.href.startsWith(demo.emulator.issuer));
    await page.getByLabel(/^email/i).fill('alice@example.com');
    await page.getByLabel(/^password/i).fill(PASSWORD);
    await screenshot('emulator-login');
    await page.getByRole('button', { name: /continue|log in/i }).click();
    await page.waitForURL(`${demo.url}/profile`);
    await expectHeading('Hello, Alice Newcomer');
    expect(await page.locator('.pill').allTextContents()).toEqual(['password']);
    await screenshot('profile');
  });

  it('going back to the emulator after the login and forward again does no harm', async () => {
    await page.goBack();
    expect(page.url().startsWith(demo.emulator.issuer)).toBe(true);
    await screenshot('back-to-emulator-after-login');
    await page.goForward();
    await page.goto(`${demo.url}/profile`);
    await expectHeading('Hello, Alice Newcomer');
  });

  it('steps up on the API page by enrolling an authenticator app from the QR code', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Payments API' }).click();
    await page.waitForURL(`${demo.url}/mfa`);
    await expectHeading('Add a second factor');
    await screenshot('mfa-enroll-choice');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const secret = await page.locator('#otp-secret').inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    // The QR code scans: its pixels as Chromium drew them decode to the otpauth URI of this secret.
    const scanned = decodeQR(await pixels(page.getByRole('img', { name: /QR code/ })));
    expect(scanned).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(scanned).searchParams.get('secret')).toBe(secret);
    expect((await page.getByLabel('Secret key').textContent())?.replace(/\s/g, '')).toBe(secret);
    await page.getByLabel('Code from the app').fill(generateSync({ secret }));
    await screenshot('mfa-enroll-otp');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expectHeading('Save your recovery code');
    aliceRecoveryCode = (await page.getByLabel('Recovery code').textContent()) ?? '';
    expect(aliceRecoveryCode).not.toBe('');
    await screenshot('mfa-recovery-code-after-enrollment');
    await page.getByRole('button', { name: /continue/ }).click();
    await expectApiWorks();
    await screenshot('api-after-otp-enrollment');
  });

  it('going back after the step-up and reloading the API page do no harm', async () => {
    await page.goBack();
    expect(await heading().textContent()).not.toMatch(/went wrong/i);
    // The recovery code was shown once: going back does not show it again.
    expect(await page.getByText(aliceRecoveryCode).count()).toBe(0);
    await screenshot('back-after-step-up');
    await page.goto(`${demo.url}/api`);
    await expectApiWorks();
    await page.reload();
    await expectApiWorks();
  });

  it('logs out', async () => {
    await logOut();
    await screenshot('logged-out');
    await page.goto(`${demo.url}/profile`);
    await page.waitForURL((url) => url.href.startsWith(demo.emulator.issuer));
  });

  it('steps up with an SMS code read from the emulator outbox, at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn('carol@example.com');
    await screenshot('phone-profile');
    await page.goto(`${demo.url}/api`);
    await page.waitForURL(`${demo.url}/mfa`);
    await expectHeading('Verify it is you');
    await screenshot('phone-mfa-choose');
    await page.getByRole('button', { name: /Text message/ }).click();
    await page.waitForURL(`${demo.url}/mfa/code`);
    // No navigation link claims to be the current page: the MFA pages are none of them.
    expect(await page.getByRole('navigation').locator('[aria-current]').count()).toBe(0);
    expect(await page.getByRole('link', { name: /outbox/ }).getAttribute('href')).toBe(
      `${demo.emulator.issuer}__dev/outbox`,
    );
    // The outbox link opens a page a person can read, with the code just sent.
    const outbox = await browser.newPage();
    await outbox.goto(`${demo.emulator.issuer}__dev/outbox`);
    await outbox.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await outbox
      .getByRole('cell', { name: await outboxCode('sms') })
      .first()
      .waitFor();
    await outbox.screenshot({ path: `${SHOTS}${String(shot).padStart(2, '0')}-outbox.png`, fullPage: true });
    await outbox.close();
    await page.getByLabel('Code you received').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /not right/ })
      .waitFor();
    await screenshot('phone-mfa-sms-wrong-code');
    await page.getByLabel('Code you received').fill(await outboxCode('sms'));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expectApiWorks();
    await screenshot('phone-api-after-sms');
    await page.setViewportSize({ width: 1024, height: 768 });
    await logOut();
  });

  it('steps up with the recovery code saved at enrollment, and shows the new one once', async () => {
    await logIn('alice@example.com');
    await page.goto(`${demo.url}/api`);
    await page.waitForURL(`${demo.url}/mfa`);
    await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(aliceRecoveryCode);
    await screenshot('mfa-recovery-code-entry');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expectHeading('Save your recovery code');
    const replacement = (await page.getByLabel('Recovery code').textContent()) ?? '';
    expect(replacement).not.toBe('');
    expect(replacement).not.toBe(aliceRecoveryCode);
    await screenshot('mfa-new-recovery-code');
    await page.getByRole('button', { name: /continue/ }).click();
    await expectApiWorks();
    await logOut();
  });

  it('steps up with a push approved through the emulator while the page waits', async () => {
    await logIn('carol@example.com');
    await page.goto(`${demo.url}/api`);
    await page.waitForURL(`${demo.url}/mfa`);
    await page.getByRole('button', { name: /Push notification/ }).click();
    await page.waitForURL(`${demo.url}/mfa/push`);
    await expectHeading('Check your phone');
    const oobCode = await page.locator('[data-oob-code]').getAttribute('data-oob-code');
    expect(oobCode).toBeTruthy();
    await screenshot('mfa-push-waiting');
    // The page has reloaded at least once, still waiting, before the approval.
    await page.waitForEvent('load');
    await expectHeading('Check your phone');
    const approved = await fetch(
      `${demo.emulator.issuer}__dev/push/${encodeURIComponent(oobCode ?? '')}/approve`,
      {
        method: 'POST',
      },
    );
    expect(approved.ok).toBe(true);
    await expectApiWorks();
    await screenshot('api-after-push');
  });

  it('a reloaded callback URL does no harm', async () => {
    const replayed = callbacks.at(-1);
    expect(replayed).toBeDefined();
    const response = await page.goto(replayed ?? '');
    expect(response?.status()).toBeLessThan(500);
    await screenshot('replayed-callback');
    // The session from the real callback is still there, or a fresh login has started.
    await page.goto(`${demo.url}/profile`);
    const url = page.url();
    if (url.startsWith(demo.url)) await expectHeading('Hello, Carol Enrolled');
    else expect(url.startsWith(demo.emulator.issuer)).toBe(true);
  });

  it('a form sent after the session ended shows a page that says to log in again', async () => {
    await page.context().clearCookies();
    await logIn('alice@example.com');
    await page.goto(`${demo.url}/api`);
    await page.waitForURL(`${demo.url}/mfa`);
    await page.context().clearCookies();
    await page.getByRole('main').getByRole('button').first().click();
    await expectHeading('Your session has ended');
    await screenshot('session-ended');
    await page.getByRole('main').getByRole('link', { name: 'Log in again' }).click();
    await page.waitForURL((url) => url.href.startsWith(demo.emulator.issuer));
  });

  it('no page or icon was a 404', () => {
    expect(notFound).toEqual([]);
  });

  it('never puts an mfa token, raw or encrypted, in a URL or an MFA page', () => {
    // A compact JWE (the SDK's encrypted token) has five base64url parts; the emulator's raw tokens are
    // opaque strings that only ever travel server to server.
    const jwe = /[\w-]{10,}\.[\w-]*\.[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/;
    expect(pages.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url).not.toMatch(/mfa_?token/i);
      expect(url).not.toMatch(jwe);
    }
    for (const html of pages) expect(html).not.toMatch(jwe);
  });
});

/** The RGBA pixels of a screenshot of `locator`, read back through the page's own image decoder. */
async function pixels(locator: Locator): Promise<{ width: number; height: number; data: Uint8Array }> {
  const png = [...(await locator.screenshot())];
  const image = await locator.page().evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(bitmap, 0, 0);
    return {
      width: bitmap.width,
      height: bitmap.height,
      data: [...context.getImageData(0, 0, bitmap.width, bitmap.height).data],
    };
  }, png);
  return { ...image, data: Uint8Array.from(image.data) };
}
