// The demo's feature pages in real Chromium (examples/web/src/features/), each in a browser context of
// its own so their sessions do not mix: organizations and an invitation, passwordless, sign-up and
// change password, CIBA approved from a second tab, Token Vault, custom token exchange.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SHOTS, outboxCode, startDemoInChromium, type DemoInChromium } from './chromium.js';

interface OutboxEntry {
  channel: string;
  to: string;
  purpose?: string;
  link?: string;
}

describe('the demo’s feature pages in Chromium', { timeout: 90_000 }, () => {
  let chromium: DemoInChromium;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    chromium = await startDemoInChromium('features');
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await chromium?.close();
  });

  /** A fresh browser (its own cookies) with one page, ready at the demo's home page. */
  async function freshPage(): Promise<Page> {
    const context = await chromium.browser.newContext({ viewport: { width: 1024, height: 768 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${chromium.demo.url}/`);
    return page;
  }
  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' }).waitFor();
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}features-${name}.png`, fullPage: true });

  /** On the emulator's login page (already open): types the credentials and waits to be back on the demo. */
  async function emulatorLogin(page: Page, email: string, password = DEMO_PASSWORD) {
    await page.waitForURL((url) => url.href.startsWith(chromium.demo.emulator.issuer));
    await page.getByLabel(/^email/i).fill(email);
    await page.getByLabel(/^password/i).fill(password);
    await page.getByRole('button', { name: /continue|log in/i }).click();
    await page.waitForURL((url) => url.href.startsWith(chromium.demo.url));
  }
  async function logIn(page: Page, email: string) {
    await page.goto(`${chromium.demo.url}/auth/login?returnTo=%2Fprofile`);
    await emulatorLogin(page, email);
    await page.waitForURL(`${chromium.demo.url}/profile`);
  }
  async function outbox(): Promise<OutboxEntry[]> {
    return (await fetch(`${chromium.demo.emulator.issuer}__dev/outbox`)).json() as Promise<OutboxEntry[]>;
  }
  /** The profile's claim `name` (a `<dt>` followed by its `<dd>`). */
  async function claim(page: Page, name: string): Promise<string | null> {
    return page.locator(`dt:text-is("${name}") + dd`).textContent();
  }

  it('lists every feature on the home page, with the outbox', async () => {
    const page = await freshPage();
    const features = page.getByRole('list').filter({ hasText: 'Organizations' });
    for (const title of [
      'Organizations',
      'Passwordless',
      'Sign up',
      'Change password',
      /CIBA/,
      /Token Vault/,
    ])
      await features.getByRole('link', { name: title }).waitFor();
    expect(await page.getByRole('link', { name: 'outbox' }).getAttribute('href')).toBe(
      `${chromium.demo.emulator.issuer}__dev/outbox`,
    );
    await shot(page, 'home');
  });

  it('logs a member in to Acme, and an invitee through the invitation link', async () => {
    const page = await freshPage();
    await page.getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('link', { name: 'Log in to Acme (organization)' }).click();
    await emulatorLogin(page, 'alice@example.com');
    await page.waitForURL(`${chromium.demo.url}/profile`);
    expect(await claim(page, 'org_id')).toBe('org_acme');
    expect(await claim(page, 'org_name')).toBe('acme');

    // Dave is no member: the invitation makes him one, in a browser of his own.
    await page.goto(`${chromium.demo.url}/organizations`);
    await page.getByLabel('Email address').fill('dave@example.com');
    await page.getByRole('button', { name: 'Create an invitation' }).click();
    const link = await page.locator('#invitation-link').getAttribute('href');
    expect(link).toMatch(/\/auth\/login\?.*invitation=/);
    await shot(page, 'organizations-invitation');
    const dave = await freshPage();
    await dave.goto(link ?? '');
    await emulatorLogin(dave, 'dave@example.com');
    await dave.goto(`${chromium.demo.url}/profile`);
    await heading(dave, 'Hello, Dave Invited');
    expect(await claim(dave, 'org_id')).toBe('org_acme');
    expect(await claim(dave, 'org_name')).toBe('acme');
    await shot(dave, 'organizations-invitee-profile');
  });

  it('logs in with an email code, an SMS code and a magic link read from the outbox', async () => {
    const email = await freshPage();
    await email.getByRole('link', { name: 'Passwordless' }).click();
    await email.locator('#email-code').fill('pat@example.com');
    await email.getByRole('button', { name: 'Email me a code' }).click();
    await heading(email, 'Enter your code');
    expect(await email.getByRole('link', { name: /outbox/ }).getAttribute('href')).toBe(
      `${chromium.demo.emulator.issuer}__dev/outbox`,
    );
    await email.getByLabel('Code you received').fill('000000');
    await email.getByRole('button', { name: 'Log in' }).click();
    await email.getByText('That code is wrong or has expired.').waitFor();
    await email.getByLabel('Code you received').fill(await outboxCode(chromium.demo, 'email'));
    await email.getByRole('button', { name: 'Log in' }).click();
    await email.waitForURL(`${chromium.demo.url}/profile`);
    expect(await claim(email, 'email')).toBe('pat@example.com');

    const sms = await freshPage();
    await sms.goto(`${chromium.demo.url}/passwordless`);
    await sms.getByLabel('Phone number').fill('+15555550177');
    await sms.getByRole('button', { name: 'Text me a code' }).click();
    await sms.getByLabel('Code you received').fill(await outboxCode(chromium.demo, 'sms'));
    await sms.getByRole('button', { name: 'Log in' }).click();
    await sms.waitForURL(`${chromium.demo.url}/profile`);
    await heading(sms, 'Hello, +15555550177');

    const link = await freshPage();
    const callbacks: string[] = [];
    link.on('request', (request) => {
      if (request.url().startsWith(`${chromium.demo.url}/passwordless/callback?`))
        callbacks.push(request.url());
    });
    await link.goto(`${chromium.demo.url}/passwordless`);
    await link.locator('#email-link').fill('lin@example.com');
    await link.getByRole('button', { name: 'Email me a link' }).click();
    await heading(link, 'Check your email');
    // As a person would: the outbox page (opened from the demo's link, in this browser) lists the email
    // with its magic link; following it completes the login in the browser that asked for it.
    const outboxHref = (await link.getByRole('link', { name: /outbox/ }).getAttribute('href')) ?? '';
    await link.goto(outboxHref);
    await link
      .getByRole('row')
      .filter({ hasText: 'lin@example.com' })
      .getByRole('link', { name: 'Open the link' })
      .click();
    await link.waitForURL(`${chromium.demo.url}/profile`);
    expect(await claim(link, 'email')).toBe('lin@example.com');
    await shot(link, 'passwordless-magic-link-profile');
    // The link's callback completes once: replayed, the demo says so and logs nobody in.
    expect(callbacks).toHaveLength(1);
    const replay = await link.goto(callbacks[0] ?? '');
    expect(replay?.status()).toBe(400);
    await link.getByText(/link is used, expired/).waitFor();
  });

  it('signs up, logs in, changes the password from the outbox link, and logs in with the new one', async () => {
    const page = await freshPage();
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByLabel('Email address').fill('erin@example.com');
    await page.getByLabel('Name').fill('Erin Signed-Up');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.getByText('Choose a longer password').waitFor();
    await page.getByLabel('Password').fill('Str0ng!Passw0rd');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await heading(page, 'Account created');
    await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
    await emulatorLogin(page, 'erin@example.com', 'Str0ng!Passw0rd');
    await heading(page, 'Hello, Erin Signed-Up');

    await page.goto(`${chromium.demo.url}/change-password`);
    expect(await page.getByLabel('Email address').inputValue()).toBe('erin@example.com');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByRole('status').waitFor();
    const reset = (await outbox()).filter(
      (e) => e.purpose === 'password_reset' && e.to === 'erin@example.com',
    );
    expect(reset).toHaveLength(1);
    // The reset link works from any browser: Erin opens the outbox page elsewhere and follows it.
    const other = await freshPage();
    await other.goto(`${chromium.demo.emulator.issuer}__dev/outbox`);
    await other
      .getByRole('row')
      .filter({ hasText: 'erin@example.com' })
      .getByRole('link', { name: 'Open the link' })
      .click();
    await other.getByLabel('New password').fill('N3w!Passw0rd');
    await other.getByRole('button', { name: 'Reset password' }).click();
    await other.waitForLoadState();
    await logInWith(other, 'erin@example.com', 'N3w!Passw0rd');
    await heading(other, 'Hello, Erin Signed-Up');
    await shot(other, 'database-after-password-change');
  });

  async function logInWith(page: Page, email: string, password: string) {
    await page.goto(`${chromium.demo.url}/auth/login?returnTo=%2Fprofile`);
    await emulatorLogin(page, email, password);
    await page.waitForURL(`${chromium.demo.url}/profile`);
  }

  it('starts a CIBA request, approves it in a second tab, and the first tab shows the result', async () => {
    const page = await freshPage();
    await logIn(page, 'alice@example.com');
    await page.goto(`${chromium.demo.url}/ciba`);
    await page.getByRole('button', { name: 'Start a backchannel login' }).click();
    await heading(page, 'Waiting for your approval');
    const message = (await page.locator('#binding-message').textContent())?.trim() ?? '';
    expect(message).toMatch(/^Demo login \d{4}$/);
    const approvalUrl = await page.getByRole('link', { name: /approval page/ }).getAttribute('href');
    await shot(page, 'ciba-waiting');

    const approver = await page.context().newPage();
    await approver.goto(approvalUrl ?? '');
    await approver.getByRole('region', { name: message }).getByRole('button', { name: 'Approve' }).click();
    await approver.waitForLoadState();

    // The waiting page reloads itself every `interval` (5) seconds: generous, measured from the approval.
    await page.getByRole('heading', { level: 1, name: 'Request approved' }).waitFor({ timeout: 45_000 });
    expect(await page.getByRole('status').textContent()).toContain(message);
    await shot(page, 'ciba-approved');
    await page.getByRole('link', { name: 'See the session on your profile' }).click();
    await heading(page, 'Hello, Alice Newcomer');
  });

  it('a CIBA request in progress is only for the session that started it', async () => {
    const alice = await freshPage();
    await logIn(alice, 'alice@example.com');
    await alice.goto(`${chromium.demo.url}/ciba`);
    await alice.getByRole('button', { name: 'Start a backchannel login' }).click();
    await heading(alice, 'Waiting for your approval');
    const handle = (await alice.context().cookies()).find((cookie) => cookie.name === 'demo_ciba');
    expect(handle?.httpOnly).toBe(true);
    // Carol, logged in elsewhere, presents Alice's cookie: she sees no request and collects nothing.
    const carol = await freshPage();
    await logIn(carol, 'carol@example.com');
    if (handle) await carol.context().addCookies([handle]);
    await carol.goto(`${chromium.demo.url}/ciba/wait`);
    await heading(carol, 'No request in progress');
    expect(await carol.locator('#binding-message').count()).toBe(0);
  });

  it('calls the Google Calendar stand-in with the Token Vault token, and says when there is none', async () => {
    const page = await freshPage();
    await logIn(page, 'alice@example.com');
    await page.goto(`${chromium.demo.url}/calendar`);
    await page.getByText('Google Calendar accepted your Google token.').waitFor();
    expect(await page.locator('#events li').count()).toBe(3);
    expect(await page.getByText('calendar.readonly').count()).toBeGreaterThan(0);
    await shot(page, 'token-vault-calendar');

    const dave = await freshPage();
    await logIn(dave, 'dave@example.com');
    const answer = await dave.goto(`${chromium.demo.url}/calendar`);
    expect(answer?.status()).toBe(403);
    expect(await dave.getByRole('alert').textContent()).toMatch(/no\s+google-oauth2\s+connection/);
  });

  it('exchanges a partner token and shows the claims of the tokens Auth0 returned', async () => {
    const page = await freshPage();
    await page.getByRole('link', { name: 'Custom token exchange' }).click();
    await page.getByLabel("The partner's user").selectOption('auth0|carol');
    await page.getByRole('button', { name: /exchange it/ }).click();
    await heading(page, 'Token exchanged');
    const subject = JSON.parse((await page.locator('#subject-claims').textContent()) ?? '{}');
    expect(subject).toMatchObject({ iss: 'https://partner.example', sub: 'auth0|carol' });
    const id = JSON.parse((await page.locator('#id-token-claims').textContent()) ?? '{}');
    expect(id).toMatchObject({ iss: chromium.demo.emulator.issuer, sub: 'auth0|carol' });
    await shot(page, 'token-exchange');
  });
});
