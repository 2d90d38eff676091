// The demo's own routes over plain HTTP, against the emulator: what a browser test would only see
// indirectly (the Payments API's token checks, the one-origin rule, pages without a session or a flow).
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyPair } from '../../../test/keys.js';
import { startDemo, type RunningDemo } from '../src/start.js';

describe('the demo app over HTTP', () => {
  let demo: RunningDemo;

  beforeAll(async () => {
    demo = await startDemo({ port: 0, emulatorPort: 0, quiet: true });
  });
  afterAll(() => demo?.close());

  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${demo.url}${path}`, { redirect: 'manual', ...init });

  it('serves the home page with the emulator note and the test users', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Running against <strong>auth0-emulator</strong>');
    expect(html).toContain('alice@example.com');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('sends a request on another host name to the one origin, so cookies stay on one host', async () => {
    const port = new URL(demo.url).port;
    const res = await fetch(`http://localhost:${port}/profile?x=1`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe(`${demo.url}/profile?x=1`);
  });

  it('sends the profile, API and MFA pages to log in without a session', async () => {
    for (const path of ['/profile', '/api', '/mfa']) {
      const res = await get(path, { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location'), path).toMatch(/\/auth\/login|\/authorize/);
    }
  });

  it('the Payments API refuses a missing, malformed or forged token', async () => {
    expect((await get('/payments-api/balance')).status).toBe(401);
    const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`;
    // Right issuer, audience and algorithm, signed with a key the emulator never published.
    const { privateKey } = await testKeyPair(0);
    const foreign = await new SignJWT({ scope: 'read:balance' })
      .setProtectedHeader({ alg: 'RS256', kid: 'foreign' })
      .setIssuer(demo.emulator.issuer)
      .setAudience('https://payments.example.com')
      .setSubject('auth0|alice')
      .setExpirationTime('5m')
      .sign(privateKey);
    for (const authorization of ['Basic abc', `Bearer ${forged}`, 'Bearer not-a-jwt', `Bearer ${foreign}`]) {
      const res = await get('/payments-api/balance', { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_token' });
    }
  });

  it('shows Carol’s authenticator app key and recovery code on the test-users card', async () => {
    const carol = demo.emulator.seededUsers.find((user) => user.userId === 'auth0|carol');
    const html = await (await get('/')).text();
    expect(html).toContain('authenticator app key <code>JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP</code>');
    expect(carol?.recoveryCode).toBeTruthy();
    expect(html).toContain(`recovery code <code>${carol?.recoveryCode}</code>`);
  });

  it('serves an icon at /favicon.ico, on the demo and on the emulator', async () => {
    const icon = await get('/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toMatch(/^<svg /);
    expect((await fetch(`${demo.emulator.issuer}favicon.ico`)).status).toBe(204);
  });

  it('the emulator outbox is a page for a browser and JSON for a script', async () => {
    const page = await fetch(`${demo.emulator.issuer}__dev/outbox`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<h1>Outbox</h1>');
    const json = await fetch(`${demo.emulator.issuer}__dev/outbox`);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Array.isArray(await json.json())).toBe(true);
  });

  it('an unknown page is a friendly 404', async () => {
    const res = await get('/nope');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });

  it('the login route goes to the emulator with the demo callback registered for its real port', async () => {
    const res = await get('/auth/login');
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin + '/').toBe(demo.emulator.issuer);
    expect(location.searchParams.get('redirect_uri')).toBe(`${demo.url}/auth/callback`);
    expect(demo.emulator.config.clients[0]?.post_logout_redirect_uris).toEqual([`${demo.url}/`]);
  });
});
