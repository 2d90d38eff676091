import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import {
  API,
  CLIENT_ID,
  CLIENT_SECRET,
  GRANTS,
  REDIRECT_URI,
  STEP_UP_API,
  claims,
  manualClock,
  start,
  token,
} from './support.js';

const OTP = 'http://auth0.com/oauth/grant-type/passwordless/otp';

async function startPasswordless(em: Emulator, body: Record<string, unknown>) {
  const res = await fetch(new URL('passwordless/start', em.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...body }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const sent = (em: Emulator) => em.mfa.outbox().at(-1);

describe('passwordless', () => {
  const clock = manualClock();
  let em: Emulator;
  beforeAll(async () => {
    em = await start({}, { now: clock.now });
  });
  beforeEach(() => em.reset());
  afterAll(() => em.close());

  it('an email code goes to the outbox and the passwordless/otp grant logs the user in, once', async () => {
    expect(
      (await startPasswordless(em, { connection: 'email', email: 'alice@example.com', send: 'code' })).status,
    ).toBe(200);
    const mail = sent(em);
    expect(mail).toMatchObject({ channel: 'email', to: 'alice@example.com', purpose: 'passwordless' });
    const grant = {
      grant_type: OTP,
      username: 'alice@example.com',
      otp: mail?.code ?? '',
      realm: 'email',
      scope: 'openid email',
      audience: API,
    };
    const first = await token(em, grant);
    expect(first.status).toBe(200);
    expect(claims(first.body.id_token)).toMatchObject({ sub: 'auth0|alice', amr: ['email'] });
    expect(claims(first.body.access_token)).toMatchObject({ aud: API });
    const again = await token(em, grant);
    expect(again).toMatchObject({ status: 403, body: { error: 'invalid_grant' } });
  });

  it('answers mfa_required when the user or the audience needs MFA, and the mfa grant finishes the login', async () => {
    await startPasswordless(em, { connection: 'email', email: 'carol@example.com', send: 'code' });
    const code = sent(em)?.code ?? '';
    const first = await token(em, {
      grant_type: OTP,
      username: 'carol@example.com',
      otp: code,
      realm: 'email',
      scope: 'openid',
      audience: STEP_UP_API,
    });
    expect(first).toMatchObject({
      status: 403,
      body: { error: 'mfa_required', mfa_token: expect.any(String) },
    });
    const second = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: String(first.body.mfa_token),
      otp: em.mfa.totp('auth0|carol'),
    });
    expect(second.status).toBe(200);
    expect(claims(second.body.id_token)).toMatchObject({ sub: 'auth0|carol', amr: ['email', 'mfa', 'otp'] });
    expect(claims(second.body.access_token)).toMatchObject({ aud: STEP_UP_API });
  });

  it('an SMS code logs in a new sms| user', async () => {
    expect((await startPasswordless(em, { connection: 'sms', phone_number: '+14155550100' })).status).toBe(
      200,
    );
    const sms = sent(em);
    expect(sms).toMatchObject({ channel: 'sms', to: '+14155550100' });
    const ok = await token(em, {
      grant_type: OTP,
      username: '+14155550100',
      otp: sms?.code ?? '',
      realm: 'sms',
      scope: 'openid',
    });
    expect(ok.status).toBe(200);
    expect(claims(ok.body.id_token).sub).toMatch(/^sms\|/);
  });

  it("a wrong code is refused with Auth0's words, and the third wrong one spends the code", async () => {
    await startPasswordless(em, { connection: 'email', email: 'alice@example.com' });
    const right = sent(em)?.code ?? '';
    const wrong = right === '000000' ? '111111' : '000000';
    const attempt = (otp: string) =>
      token(em, { grant_type: OTP, username: 'alice@example.com', otp, realm: 'email', scope: 'openid' });
    expect(await attempt(wrong)).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Wrong email or verification code.' },
    });
    await attempt(wrong);
    expect((await attempt(wrong)).body.error_description).toMatch(/maximum number of attempts/);
    expect((await attempt(right)).status).toBe(403);
  });

  it('a code expires after five minutes on the emulator clock', async () => {
    await startPasswordless(em, { connection: 'email', email: 'alice@example.com' });
    clock.advance(300_000);
    const late = await token(em, {
      grant_type: OTP,
      username: 'alice@example.com',
      otp: sent(em)?.code ?? '',
      realm: 'email',
      scope: 'openid',
    });
    expect(late.body.error_description).toMatch(/expired/);
  });

  it('a magic link lands at redirect_uri with a code (no PKCE) and the state sent', async () => {
    const start = await startPasswordless(em, {
      connection: 'email',
      email: 'new.person@example.com',
      send: 'link',
      authParams: {
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        scope: 'openid email',
        state: 'st4te',
      },
    });
    expect(start.status).toBe(200);
    const link = sent(em)?.link ?? '';
    const landing = await fetch(link, { redirect: 'manual' });
    expect(landing.status).toBe(302);
    const back = new URL(landing.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get('state')).toBe('st4te');
    const exchanged = await token(em, {
      grant_type: 'authorization_code',
      code: back.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT_URI,
    });
    expect(exchanged.status).toBe(200);
    expect(claims(exchanged.body.id_token)).toMatchObject({
      email: 'new.person@example.com',
      sub: expect.stringMatching(/^email\|/),
    });
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(403);
  });

  it('the outbox page shows a magic link as a link a person can follow, with no code to type', async () => {
    await startPasswordless(em, {
      connection: 'email',
      email: 'reader@example.com',
      send: 'link',
      authParams: { redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid', state: 's' },
    });
    const link = sent(em)?.link ?? '';
    expect(link).not.toBe('');
    const page = await (
      await fetch(new URL('__dev/outbox', em.issuer), { headers: { accept: 'text/html' } })
    ).text();
    expect(page).toContain(`<a href="${link.replaceAll('&', '&amp;')}">Open the link</a>`);
    expect(page).not.toContain(`<code class="code">${sent(em)?.code ?? ''}</code>`);
  });

  it('refuses an unregistered redirect_uri, a bad connection, a bad phone number and a bad client', async () => {
    expect(
      (
        await startPasswordless(em, {
          connection: 'email',
          email: 'a@example.com',
          send: 'link',
          authParams: { redirect_uri: 'https://evil.example/cb' },
        })
      ).body.error,
    ).toBe('bad.redirect_uri');
    expect((await startPasswordless(em, { connection: 'fax', email: 'a@example.com' })).body.error).toBe(
      'bad.connection',
    );
    expect((await startPasswordless(em, { connection: 'sms', phone_number: '4155550100' })).body.error).toBe(
      'bad.phone_number',
    );
    expect(
      (await startPasswordless(em, { connection: 'email', email: 'a@example.com', client_secret: 'wrong' }))
        .status,
    ).toBe(401);
  });
});
