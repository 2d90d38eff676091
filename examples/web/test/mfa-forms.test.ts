// The demo's own MFA forms over plain HTTP, logged in through the emulator's pages: who may post them,
// whose step-up flow a request may see, and what a form sent after the session ended gets.
import { CookieJar, generateTotp } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../src/start.js';

describe('the demo MFA forms', () => {
  let demo: RunningDemo;

  beforeAll(async () => {
    demo = await startDemo({ port: 0, emulatorPort: 0, quiet: true });
  });
  afterAll(() => demo?.close());

  const request = (
    jar: CookieJar,
    path: string,
    init: RequestInit & { headers?: Record<string, string> } = {},
  ) =>
    fetch(`${demo.url}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { accept: 'text/html', cookie: jar.header(), ...init.headers },
    }).then((res) => {
      jar.store(res);
      return res;
    });
  const post = (jar: CookieJar, path: string, headers: Record<string, string>, form = '') =>
    request(jar, path, {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });

  /** A browser session at the demo: /auth/login, the emulator's pages, the callback. */
  async function logIn(email: string): Promise<CookieJar> {
    const jar = new CookieJar();
    const start = await request(jar, '/auth/login?returnTo=%2Fprofile');
    const callback = await demo.emulator.login(start.headers.get('location') ?? '', {
      email,
      password: 'Passw0rd!',
    });
    const done = await request(jar, callback.slice(demo.url.length));
    expect(done.headers.get('location')).toBe('/profile');
    return jar;
  }

  /** Alice opens the Payments API, which needs MFA: a step-up flow starts and its cookie is set. */
  async function stepUp(jar: CookieJar): Promise<void> {
    const res = await request(jar, '/api');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/mfa');
  }

  const SAME_ORIGIN = () => ({ origin: demo.url, 'sec-fetch-site': 'same-origin' });

  it('refuses an MFA form posted from another origin or a sibling site, and takes the app’s own', async () => {
    const jar = await logIn('alice@example.com');
    await stepUp(jar);
    const foreign: Array<Record<string, string>> = [
      { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'http://sub.127.0.0.1.nip.example' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const res = await post(jar, '/mfa/enroll', headers, 'factor=sms&phoneNumber=%2B15555550123');
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toContain('That form was sent from another site.');
    }
    // Nothing was enrolled: the flow still asks to choose a first factor.
    const own = await post(jar, '/mfa/enroll', SAME_ORIGIN(), 'factor=nope');
    expect(own.status).toBe(303);
    expect(own.headers.get('location')).toBe('/mfa?error=choose');
  });

  it('shows a step-up flow only to the session that started it', async () => {
    const owner = await logIn('alice@example.com');
    await stepUp(owner);
    const other = await logIn('alice@example.com');
    const flowCookie = owner
      .header()
      .split('; ')
      .find((pair) => pair.startsWith('demo_mfa='));
    expect(flowCookie).toBeDefined();
    const stolen = { cookie: `${other.header()}; ${flowCookie}` };
    for (const path of ['/mfa', '/mfa/recovery', '/mfa/recovery-code']) {
      const res = await fetch(`${demo.url}${path}`, {
        redirect: 'manual',
        headers: { accept: 'text/html', ...stolen },
      });
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('Nothing to verify');
    }
    // The owner's flow is untouched by the attempt.
    const mine = await request(owner, '/mfa');
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain('Add a second factor');
  });

  it('answers a form sent after the session ended with a page that says to log in again', async () => {
    const jar = await logIn('alice@example.com');
    await stepUp(jar);
    const gone = new CookieJar();
    const flowCookie =
      jar
        .header()
        .split('; ')
        .find((pair) => pair.startsWith('demo_mfa=')) ?? '';
    const res = await fetch(`${demo.url}/mfa/verify`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [gone.header(), flowCookie].filter(Boolean).join('; '),
        ...SAME_ORIGIN(),
      },
      body: 'otp=123456',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('Your session has ended');
    expect(html).toContain('href="/auth/login?returnTo=%2Fapi"');
    // A script without text/html still gets the JSON answer.
    const api = await fetch(`${demo.url}/mfa/verify`, { method: 'POST', redirect: 'manual' });
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: 'login_required' });
  });

  it('says an authenticator code was already used rather than wrong', async () => {
    const otp = generateTotp('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    const verifyWith = async (jar: CookieJar) => {
      await stepUp(jar);
      const chooser = await (await request(jar, '/mfa')).text();
      const id = /name="authenticatorId" value="(totp\|[^"]+)"/.exec(chooser)?.[1] ?? '';
      const chosen = await post(
        jar,
        '/mfa/challenge',
        SAME_ORIGIN(),
        `authenticatorId=${encodeURIComponent(id)}`,
      );
      expect(chosen.headers.get('location')).toBe('/mfa/code');
      return post(jar, '/mfa/verify', SAME_ORIGIN(), `otp=${otp}`);
    };
    const first = await verifyWith(await logIn('carol@example.com'));
    expect(first.headers.get('location')).toMatch(/^\/mfa\/(done|recovery-code)$/);
    const again = await verifyWith(await logIn('carol@example.com'));
    expect(again.headers.get('location')).toBe('/mfa/code?error=code-used');
  });

  it('marks no navigation link as current on the MFA pages', async () => {
    const jar = await logIn('alice@example.com');
    await stepUp(jar);
    const html = await (await request(jar, '/mfa')).text();
    expect(html).not.toContain('aria-current="page"');
    const home = await (await request(jar, '/')).text();
    expect(home).toMatch(/<a href="\/" aria-current="page">Home<\/a>/);
  });
});
