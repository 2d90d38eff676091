import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, generateTotp, type Emulator } from 'auth0-emulator';
import { authorizeUrl, claims, codeFlow, pkce, start } from './support.js';

describe('HTML login with MFA, driven over HTTP with a cookie jar', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({
      users: [
        { user_id: 'auth0|bob', email: 'bob@example.com', password: 'Passw0rd!', mfa: 'required' },
        { user_id: 'auth0|sue', email: 'sue@example.com', password: 'Passw0rd!', mfa: 'required' },
        {
          user_id: 'auth0|carol',
          email: 'carol@example.com',
          password: 'Passw0rd!',
          mfa: 'required',
          authenticators: [{ type: 'otp', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }],
        },
        {
          user_id: 'auth0|rita',
          email: 'rita@example.com',
          password: 'Passw0rd!',
          mfa: 'required',
          authenticators: [{ type: 'otp' }],
        },
        {
          user_id: 'auth0|pat',
          email: 'pat@example.com',
          password: 'Passw0rd!',
          mfa: 'required',
          authenticators: [{ type: 'push' }],
        },
      ],
    });
  });
  afterAll(() => em.close());

  it('serves an accessible login form: one h1, labelled inputs, a real form post', async () => {
    const started = await fetch(
      authorizeUrl(em, { code_challenge: pkce().challenge, code_challenge_method: 'S256' }),
      { redirect: 'manual' },
    );
    const jar = new CookieJar();
    jar.store(started);
    const response = await fetch(new URL(started.headers.get('location') ?? '', em.issuer), {
      headers: { cookie: jar.header() },
    });
    const html = await response.text();
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toMatch(/<label\s+for="email"/);
    expect(html).toMatch(/<input\s+id="email"/);
    expect(html).toMatch(/<label\s+for="password"/);
    expect(html).toMatch(/<form\s+method="post"\s+action="\/u\/[\w-]+\/login"/);
  });

  it('enrolls an authenticator app (QR code and secret shown) and shows the recovery code once', async () => {
    let recovery = '';
    const body = await codeFlow(
      em,
      { email: 'bob@example.com', password: 'Passw0rd!' },
      {},
      { onRecoveryCode: (code) => (recovery = code) },
    );
    expect(recovery).toMatch(/\w{8,}/);
    expect(claims(body.id_token).amr).toEqual(expect.arrayContaining(['pwd', 'mfa']));
  });

  it('enrolls SMS with the code from the outbox', async () => {
    const body = await codeFlow(
      em,
      { email: 'sue@example.com', password: 'Passw0rd!' },
      {},
      { enroll: { type: 'sms', phone_number: '+15555550199' } },
    );
    expect(claims(body.id_token).sub).toBe('auth0|sue');
  });

  it('challenges an enrolled authenticator app', async () => {
    const body = await codeFlow(em, {
      email: 'carol@example.com',
      password: 'Passw0rd!',
      otp: generateTotp('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
    });
    expect(claims(body.id_token).acr).toBe('http://schemas.openid.net/pape/policies/2007/06/multi-factor');
  });

  it('accepts a recovery code and shows its replacement', async () => {
    const rita = em.seededUsers.find((user) => user.userId === 'auth0|rita');
    let replacement = '';
    await codeFlow(
      em,
      { email: 'rita@example.com', password: 'Passw0rd!' },
      {},
      {
        factor: 'recovery-code',
        recoveryCode: rita?.recoveryCode ?? '',
        onRecoveryCode: (code) => (replacement = code),
      },
    );
    expect(replacement).not.toBe('');
    expect(replacement).not.toBe(rita?.recoveryCode);
  });

  it('waits on a push challenge page that refreshes itself until the push is approved', async () => {
    const body = await codeFlow(
      em,
      { email: 'pat@example.com', password: 'Passw0rd!' },
      {},
      { factor: 'push' },
    );
    expect(claims(body.id_token).sub).toBe('auth0|pat');
  });

  it('says a code was already used when it comes back within its time step', async () => {
    const secret = em.seededUsers.find((user) => user.userId === 'auth0|rita')?.authenticators[0]?.secret;
    const otp = generateTotp(secret ?? '');
    const url = () => authorizeUrl(em, { code_challenge: pkce().challenge, code_challenge_method: 'S256' });
    const login = { email: 'rita@example.com', password: 'Passw0rd!', factor: 'otp' as const, otp };
    await em.login(url(), login);
    await expect(em.login(url(), login)).rejects.toThrow(
      /login failed at otp: That code was already used\. Wait for your authenticator app/,
    );
  });

  it('shows an error on the code form for a wrong code', async () => {
    await expect(
      em.login(authorizeUrl(em, { code_challenge: pkce().challenge, code_challenge_method: 'S256' }), {
        email: 'carol@example.com',
        password: 'Passw0rd!',
        otp: '000000',
      }),
    ).rejects.toThrow(/login failed at otp/);
  });
});
