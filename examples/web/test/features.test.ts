// The feature pages' rules over plain HTTP, against the emulator: what a browser test would only see
// indirectly (cross-site forms refused, body limits, pages without a session, the stand-in APIs' checks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURES } from '../src/features/index.js';
import { startDemo, type RunningDemo } from '../src/start.js';

describe('the demo’s feature pages over HTTP', () => {
  let demo: RunningDemo;

  beforeAll(async () => {
    demo = await startDemo({ port: 0, emulatorPort: 0, quiet: true });
  });
  afterAll(() => demo?.close());

  const request = (path: string, init: RequestInit = {}) =>
    fetch(`${demo.url}${path}`, { redirect: 'manual', ...init });
  const form = (path: string, body: string, headers: Record<string, string> = {}) =>
    request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
    });

  it('links every feature from the home page', async () => {
    const home = await (await request('/')).text();
    for (const feature of FEATURES) expect(home).toContain(`href="${feature.href}"`);
    expect(FEATURES.map((feature) => feature.href)).toEqual([
      '/organizations',
      '/passwordless',
      '/signup',
      '/change-password',
      '/ciba',
      '/calendar',
      '/token-exchange',
      '/session-transfer',
      '/revocation',
    ]);
  });

  it('refuses every feature form posted from another site, before doing anything', async () => {
    const posts: Array<[string, string]> = [
      ['/organizations/invitations', 'email=dave%40example.com'],
      ['/passwordless/start', 'send=email&to=x%40example.com'],
      ['/passwordless/verify', 'connection=email&to=x%40example.com&code=123456'],
      ['/signup', 'email=mallory%40example.com&password=Str0ng!Passw0rd'],
      ['/change-password', 'email=alice%40example.com'],
      ['/ciba/start', ''],
      ['/token-exchange', 'sub=auth0%7Calice'],
      ['/session-transfer', ''],
      ['/revocation', ''],
    ];
    const outboxBefore = await (await fetch(`${demo.emulator.issuer}__dev/outbox`)).json();
    for (const [path, body] of posts) {
      const foreign: Array<Record<string, string>> = [
        { origin: 'https://evil.example' },
        { 'sec-fetch-site': 'cross-site' },
      ];
      for (const headers of foreign) {
        const res = await form(path, body, headers);
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(await res.text()).toContain('That form was sent from another site.');
      }
    }
    // Nothing was sent, and nobody signed up.
    expect(await (await fetch(`${demo.emulator.issuer}__dev/outbox`)).json()).toEqual(outboxBefore);
    const again = await form('/signup', 'email=mallory%40example.com&password=Str0ng!Passw0rd');
    expect(await again.text()).toContain('Account created');
  });

  it('leaves the other routes alone: the form checks apply on the features’ own paths only', async () => {
    const res = await form('/no-such-form', 'x=1', { origin: 'https://evil.example' });
    expect(res.status).toBe(404);
  });

  it('reads a form body with a limit', async () => {
    const res = await form('/signup', `email=a%40example.com&name=${'x'.repeat(8 * 1024)}`);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('That form was too large to read.');
  });

  it('sends the CIBA, calendar, session transfer and revocation pages to log in without a session', async () => {
    for (const path of ['/ciba', '/ciba/wait', '/calendar', '/session-transfer', '/revocation']) {
      const res = await request(path, { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location'), path).toMatch(/\/auth\/login|\/authorize/);
    }
  });

  it('the session transfer login route forwards the token to /authorize, and without one starts nothing', async () => {
    const res = await request('/session-transfer/login?session_transfer_token=stt-value');
    expect(res.status).toBe(302);
    const authorize = new URL(res.headers.get('location') ?? '');
    expect(authorize.href.startsWith(demo.emulator.issuer)).toBe(true);
    expect(authorize.searchParams.get('session_transfer_token')).toBe('stt-value');
    const without = await request('/session-transfer/login');
    expect(without.status).toBe(303);
    expect(without.headers.get('location')).toBe('/session-transfer');
  });

  it('the Google Calendar stand-in refuses anything but a Google token of the emulator', async () => {
    for (const authorization of [
      undefined,
      'Bearer not-a-google-token',
      'Bearer upstream.github.abcdefghijklmnopqrst',
    ]) {
      const res = await request('/calendar-api/events', authorization ? { headers: { authorization } } : {});
      expect(res.status, authorization).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid_token' });
    }
  });

  it('passwordless: a malformed phone number is refused before any request', async () => {
    const res = await form('/passwordless/start', 'send=sms&to=5555550100');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Enter the phone number as +, country code, number.');
    expect(await (await fetch(`${demo.emulator.issuer}__dev/outbox`)).json()).toEqual([]);
  });

  it('token exchange: only the listed users, and no token value in the page beyond the partner’s', async () => {
    expect((await form('/token-exchange', 'sub=auth0%7Cnobody')).status).toBe(400);
    const page = await (await form('/token-exchange', 'sub=auth0%7Calice')).text();
    expect(page).toContain('Token exchanged');
    // Exactly one JWT on the page: the partner's subject token the demo made; Auth0's tokens appear as claims.
    expect(page.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g)).toHaveLength(1);
    expect(page).toContain('&quot;sub&quot;: &quot;auth0|alice&quot;');
  });
});
