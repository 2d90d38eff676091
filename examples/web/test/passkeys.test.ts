// The passkey routes over plain HTTP: what the browser test does not show (the CSP that lets only this
// page run a script, cross-site posts, oversized or malformed bodies, errors that say nothing inside).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../src/start.js';

describe('the demo passkey routes', () => {
  let demo: RunningDemo;
  beforeAll(async () => {
    demo = await startDemo({ port: 0, emulatorPort: 0, quiet: true, appHost: 'localhost' });
  });
  afterAll(() => demo?.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${demo.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: demo.url, ...headers },
      body,
    });

  it('lets scripts from self run on the passkey page only, and serves that script', async () => {
    const page = await fetch(`${demo.url}/passkeys`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const text = await page.text();
    expect(text).toContain('<script src="/passkeys.js" defer></script>');
    expect(text).not.toContain('--host localhost');
    const home = await fetch(`${demo.url}/`);
    expect(home.headers.get('content-security-policy')).not.toContain('script-src');
    const script = await fetch(`${demo.url}/passkeys.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain('navigator.credentials.create');
  });

  it('answers the WebAuthn options for the demo origin (rpID localhost)', async () => {
    const signUp = await post('/passkeys/register-options', JSON.stringify({ email: 'new@example.com' }));
    expect(signUp.status).toBe(200);
    expect(await signUp.json()).toMatchObject({
      authSession: expect.any(String),
      publicKey: { rp: { id: 'localhost' }, user: { name: 'new@example.com' } },
    });
    const login = await post('/passkeys/login-options', '{}');
    expect(await login.json()).toMatchObject({ publicKey: { rpId: 'localhost' } });
  });

  it('refuses posts from another site', async () => {
    const res = await post('/passkeys/login-options', '{}', { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    const fetchSite = await post('/passkeys/login-options', '{}', { 'sec-fetch-site': 'cross-site' });
    expect(fetchSite.status).toBe(403);
  });

  it('refuses a body over 16 KiB and malformed answers, with a sentence and no details', async () => {
    const big = await post('/passkeys/verify', JSON.stringify({ authSession: 'x'.repeat(20_000) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ message: 'The request failed.' });
    const incomplete = await post('/passkeys/verify', JSON.stringify({ authSession: 'abc' }));
    expect(incomplete.status).toBe(400);
    const refused = await post(
      '/passkeys/verify',
      JSON.stringify({
        authSession: 'not-a-session',
        credential: { id: 'a', rawId: 'a', type: 'public-key', response: { clientDataJSON: 'e30' } },
      }),
    );
    expect(refused.status).toBe(400);
    const text = await refused.text();
    expect(text).toBe(JSON.stringify({ message: 'That passkey was not accepted. Try again.' }));
  });
});

describe('the passkey page on 127.0.0.1', () => {
  it('says that passkeys need the demo on localhost (a WebAuthn rpID cannot be an IP address)', async () => {
    const demo = await startDemo({ port: 0, emulatorPort: 0, quiet: true });
    try {
      const page = await (await fetch(`${demo.url}/passkeys`)).text();
      expect(page).toContain('npm run demo -- --host localhost');
    } finally {
      await demo.close();
    }
  });
});
