import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, generateTotp } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import { MFA_ACR, claims, codeFlow, start } from './support.js';

// Each user has its own secret: a TOTP code is accepted once per 30-second step and user.
const SECRETS = {
  ann: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  ben: 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF',
  cat: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
} as const;
type Name = keyof typeof SECRETS;

describe('step-up inside a live emulator session (acr_values multi-factor)', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({
      users: (Object.keys(SECRETS) as Name[]).map((name) => ({
        user_id: `auth0|${name}`,
        email: `${name}@example.com`,
        password: 'Passw0rd!',
        authenticators: [{ type: 'otp' as const, secret: SECRETS[name] }],
      })),
    });
  });
  afterAll(() => em.close());

  // A password-only login that leaves the emulator's session cookie in the jar.
  async function session(name: Name): Promise<CookieJar> {
    const jar = new CookieJar();
    const body = await codeFlow(em, { email: `${name}@example.com`, password: 'Passw0rd!' }, {}, { jar });
    expect(claims(body.id_token).acr).not.toBe(MFA_ACR);
    return jar;
  }
  // The step-up with a password the login form would refuse: it passes only if that form never shows.
  const stepUp = (name: Name, jar: CookieJar, params: Record<string, string> = {}) =>
    codeFlow(
      em,
      { email: `${name}@example.com`, password: 'not-the-password', otp: generateTotp(SECRETS[name]) },
      { acr_values: MFA_ACR, ...params },
      { jar },
    );

  it('asks only for the second factor when the session is known', async () => {
    const jar = await session('ann');
    const body = await stepUp('ann', jar);
    const idToken = claims(body.id_token);
    expect(idToken.sub).toBe('auth0|ann');
    expect(idToken.acr).toBe(MFA_ACR);
    expect(idToken.amr).toEqual(expect.arrayContaining(['mfa', 'otp']));
  });

  it('still asks for the password with prompt=login', async () => {
    const jar = await session('ben');
    await expect(stepUp('ben', jar, { prompt: 'login' })).rejects.toThrow(
      /login failed: Wrong email or password/,
    );
  });

  it('still asks for the password when max_age has run out', async () => {
    const jar = await session('cat');
    // auth_time is in whole seconds: past a second boundary, max_age=0 has run out whatever the load.
    await sleep(1_100);
    await expect(stepUp('cat', jar, { max_age: '0' })).rejects.toThrow(
      /login failed: Wrong email or password/,
    );
  });
});
