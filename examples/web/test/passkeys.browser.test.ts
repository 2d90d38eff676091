// "Sign up / log in with a passkey" in a real browser: Chromium's virtual authenticator (DevTools
// protocol WebAuthn domain) makes and uses a real credential, which the emulator verifies. The demo is
// served on `localhost` here: a WebAuthn rpID must be a host name, not 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoInChromium, type DemoInChromium } from './chromium.js';

describe('passkeys in Chromium', { timeout: 60_000 }, () => {
  let run: DemoInChromium;
  let authenticatorId = '';
  beforeAll(async () => {
    run = await startDemoInChromium('passkeys', { appHost: 'localhost' });
    const cdp = await run.page.context().newCDPSession(run.page);
    await cdp.send('WebAuthn.enable');
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    }));
    run.page.on('pageerror', (error) => console.error('page error:', error.message));
  });
  afterAll(() => run?.close());

  it('signs up with a new passkey, logs out, and logs back in with it', async () => {
    const { page, demo } = run;
    expect(demo.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(authenticatorId).not.toBe('');

    await page.goto(`${demo.url}/`);
    await page.getByRole('main').getByRole('link', { name: 'Use a passkey' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign up / log in with a passkey' }).waitFor();
    await run.screenshot('page');
    await page.getByLabel('Email').fill('pat@example.com');
    await page.getByLabel('Name').fill('Pat Passkey');
    await page.getByRole('button', { name: 'Create a passkey' }).click();
    await page.waitForURL(`${demo.url}/profile`);
    await expect(page.getByRole('main').textContent()).resolves.toContain('pat@example.com');
    await run.screenshot('signed-up');

    const cdp = await page.context().newCDPSession(page);
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost', signCount: 1 });

    await page.goto(`${demo.url}/auth/logout`);
    await page.waitForURL((url) => url.href.startsWith(demo.url));
    await page.goto(`${demo.url}/passkeys`);
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Log in' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Use my passkey' }).click();
    await page.waitForURL(`${demo.url}/profile`);
    await expect(page.getByRole('main').textContent()).resolves.toContain('pat@example.com');
    await run.screenshot('logged-in-again');
    const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(after.credentials[0]?.signCount).toBe(2);
  });
});
