import { generateTotp } from 'auth0-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CAROL,
  PAYMENTS,
  startHarness,
  type AdapterHarness,
  type AppFactory,
  type Browser,
} from './harness.js';

const isJwe = (value: unknown) => typeof value === 'string' && value.split('.').length === 5;

/**
 * The behaviour every adapter must show against auth0-emulator, over real HTTP through the framework.
 * The tests run in order and share one emulator; each states what it relies on.
 */
export function describeAdapter(name: string, factory: AppFactory): void {
  describe(`${name} adapter against auth0-emulator`, () => {
    let h: AdapterHarness;
    let alice: Browser;
    beforeAll(async () => {
      h = await startHarness(factory);
      alice = h.browser();
    });
    afterAll(() => h?.close());

    it('requiresAuth answers 401 JSON to an API call and sends a page navigation to log in', async () => {
      const api = await alice.visit('/profile');
      expect(api.status).toBe(401);
      expect(api.json()).toEqual({ error: 'login_required' });
      const page = await alice.visit('/profile?tab=1', { accept: 'text/html' });
      expect(page.status).toBe(302);
      const authorize = new URL(page.location);
      expect(authorize.href.startsWith(h.em.issuer)).toBe(true);
      expect(authorize.searchParams.get('redirect_uri')).toBe(`${h.appUrl}/auth/callback`);
      const callbackUrl = await h.em.login(page.location, {
        email: 'alice@example.com',
        password: 'Passw0rd!',
      });
      expect((await alice.visit(callbackUrl, { accept: 'text/html' })).location).toBe('/profile?tab=1');
      expect((await alice.visit('/auth/logout')).status).toBe(302);
    });

    it('logs in through /auth/login and /auth/callback, landing on returnTo with a long-lived session cookie', async () => {
      const { callback } = await alice.login('/profile');
      expect(callback.status).toBe(302);
      expect(callback.location).toBe('/profile');
      // maxAge is seconds in the SDK and milliseconds in Express: a mix-up shows here as 86 or 86 400 000.
      const session = callback.setCookie.find((line) => line.startsWith('__a0_session='));
      const maxAge = Number(/Max-Age=(\d+)/i.exec(session ?? '')?.[1]);
      expect(maxAge).toBeGreaterThanOrEqual(3600);
      expect(maxAge).toBeLessThanOrEqual(400 * 86_400);
      const profile = await alice.visit('/profile');
      expect(profile.status).toBe(200);
      expect(profile.json()).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com' });
    });

    it('sends a returnTo pointing elsewhere to / instead', async () => {
      for (const evil of ['//evil.example/x', '/\\evil.example', 'https://evil.example/']) {
        const other = h.browser();
        const { callback } = await other.login(evil);
        expect(callback.location, evil).toBe('/');
      }
    });

    it('answers a replayed callback with the landing page when a session exists, else a friendly page', async () => {
      const bob = h.browser();
      const { callbackUrl } = await bob.login('/profile');
      const again = await bob.visit(callbackUrl, { accept: 'text/html' });
      expect(again.status).toBe(302);
      expect(again.location).toBe('/');

      const stranger = h.browser();
      const replay = await stranger.visit(callbackUrl, { accept: 'text/html' });
      expect(replay.status).toBe(400);
      expect(replay.contentType).toContain('text/html');
      expect(replay.text).toContain('href="/auth/login"');

      const forged = await stranger.visit(
        '/auth/callback?state=%3Cscript%3Ealert(1)%3C%2Fscript%3E&code=x&error_description=%3Cb%3Ehi',
        { accept: 'text/html' },
      );
      expect(forged.status).toBe(400);
      expect(forged.text).not.toContain('<script>alert');
      expect(forged.text).not.toContain('<b>hi');
    });

    it('requiresStepUp answers 403 mfa_required with an encrypted token, and the MFA routes verify an enrolled app', async () => {
      const need = await alice.visit('/payments');
      expect(need.status).toBe(403);
      const body = need.json();
      expect(body.error).toBe('mfa_required');
      expect(isJwe(body.mfaToken)).toBe(true);
      expect(body.mfaRequirements).toEqual({ enroll: expect.any(Array) });
      const mfaToken = String(body.mfaToken);

      const listed = await alice.visit('/auth/mfa/authenticators', { headers: { 'mfa-token': mfaToken } });
      expect(listed.status).toBe(200);
      expect(listed.json()).toMatchObject({ authenticators: [], enrollmentFactors: expect.any(Array) });

      const enrolled = await alice.post('/auth/mfa/enroll', { mfaToken, factorType: 'otp' });
      expect(enrolled.status).toBe(200);
      const { secret, barcodeUri } = enrolled.json();
      expect(typeof barcodeUri).toBe('string');

      const wrong = await alice.post('/auth/mfa/verify', { mfaToken, otp: '000000' });
      expect(wrong.status).toBeGreaterThanOrEqual(400);
      expect(wrong.status).toBeLessThan(500);

      const verified = await alice.post('/auth/mfa/verify', { mfaToken, otp: generateTotp(String(secret)) });
      expect(verified.status).toBe(200);
      expect(verified.json()).toMatchObject({ status: 'verified', audience: PAYMENTS });
      expect(verified.text).not.toMatch(/accessToken|refreshToken|idToken/);

      const paid = await alice.visit('/payments');
      expect(paid.status).toBe(200);
      expect(paid.json()).toMatchObject({ audience: PAYMENTS });
    });

    it('refuses MFA POSTs that a cross-site form or page could send', async () => {
      const bad = [
        await alice.visit('/auth/mfa/verify', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'mfaToken=x&otp=1',
        }),
        await alice.visit('/auth/mfa/verify', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: '{}',
        }),
        await alice.post('/auth/mfa/verify', { mfaToken: 'x', otp: '1' }, { origin: 'https://evil.example' }),
      ];
      expect(bad.map((r) => r.status)).toEqual([415, 415, 403]);
      const garbage = await alice.post('/auth/mfa/verify', { mfaToken: 'not-a-token', otp: '123456' });
      expect(garbage.status).toBe(401);
      expect(garbage.json()).toEqual({ error: 'mfa_token_invalid' });
    });

    it('completes a push step-up through /auth/mfa/enroll and /auth/mfa/wait', async () => {
      const carol = h.browser();
      await carol.login('/', CAROL);
      const mfaToken = String((await carol.visit('/payments')).json().mfaToken);
      const enrolled = await carol.post('/auth/mfa/enroll', { mfaToken, factorType: 'push' });
      expect(enrolled.status).toBe(200);
      const { oobCode } = enrolled.json();
      const pending = await carol.post('/auth/mfa/wait', { mfaToken, oobCode });
      expect(pending.status).toBe(202);
      expect(pending.json()).toEqual({ status: 'pending' });
      const approve = await fetch(new URL(`__dev/push/${String(oobCode)}/approve`, h.em.issuer), {
        method: 'POST',
      });
      expect(approve.ok).toBe(true);
      const done = await carol.post('/auth/mfa/wait', { mfaToken, oobCode });
      expect(done.status).toBe(200);
      expect(done.json()).toMatchObject({ status: 'verified', audience: PAYMENTS });
      expect((await carol.visit('/payments')).status).toBe(200);
    });

    it('requiresStepUp on amr sends a page navigation to a multi-factor login and answers JSON with 401', async () => {
      // A password-only login: the step-up through the MFA routes above gave tokens, not a new login.
      const erin = h.browser();
      await erin.login('/');
      const api = await erin.visit('/strong');
      expect(api.status).toBe(401);
      expect(api.json()).toMatchObject({ error: 'insufficient_user_authentication' });
      const page = await erin.visit('/strong', { accept: 'text/html' });
      expect(page.status).toBe(302);
      expect(new URL(page.location).searchParams.get('acr_values')).toBe(
        'http://schemas.openid.net/pape/policies/2007/06/multi-factor',
      );
    });

    it('logs out through /auth/logout to the emulator, back to the app', async () => {
      const forged = await alice.visit('/auth/logout', {
        accept: 'text/html',
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expect(forged.status).toBe(403);
      expect((await alice.visit('/profile')).status).toBe(200);
      const out = await alice.visit('/auth/logout', { accept: 'text/html' });
      expect(out.status).toBe(302);
      const end = new URL(out.location);
      expect(end.href.startsWith(h.em.issuer)).toBe(true);
      expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${h.appUrl}/`);
      expect((await alice.visit('/profile')).status).toBe(401);
    });

    it('ends the session when the emulator delivers a back-channel logout to /auth/backchannel-logout', async () => {
      const dave = h.browser();
      await dave.login('/');
      expect((await dave.visit('/profile')).status).toBe(200);
      const res = await fetch(new URL('v2/logout?client_id=app', h.em.issuer), {
        headers: { cookie: dave.emulatorJar.header() },
        redirect: 'manual',
      });
      expect(res.status).toBeLessThan(400);
      expect((await dave.visit('/profile')).status).toBe(401);
      const forged = await dave.visit('/auth/backchannel-logout', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'logout_token=not.a.token',
      });
      expect(forged.status).toBe(400);
    });
  });
}
