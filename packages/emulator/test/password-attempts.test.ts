import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, type Emulator } from 'auth0-emulator';
import { PasswordAttempts } from '../src/provider/password-attempts.js';
import { authorizeUrl, pkce, start, token } from './support.js';

const REALM = 'http://auth0.com/oauth/grant-type/password-realm';

describe('password attempts are throttled per user', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  const password = (username: string, pass: string, grant = 'password') =>
    token(em, {
      grant_type: grant,
      username,
      password: pass,
      scope: 'openid',
      ...(grant === REALM ? { realm: 'Username-Password-Authentication' } : {}),
    });

  it('the password grants answer 429 too_many_attempts with Retry-After after 5 wrong passwords, even for the right one', async () => {
    for (let i = 0; i < 5; i += 1) {
      const wrong = await password('alice@example.com', `wrong-${i}`, i % 2 ? REALM : 'password');
      expect(wrong.status).toBe(403);
      expect(wrong.body.error).toBe('invalid_grant');
    }
    for (const grant of ['password', REALM]) {
      const locked = await password('ALICE@example.com', 'Passw0rd!', grant);
      expect(locked.status).toBe(429);
      expect(locked.body).toEqual({
        error: 'too_many_attempts',
        error_description: 'Your account has been blocked after multiple consecutive login attempts.',
      });
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(290);
      expect(retryAfter).toBeLessThanOrEqual(300);
    }
    // Another user is not affected.
    expect((await password('bob@example.com', 'Passw0rd!')).status).toBe(403);
    expect((await password('bob@example.com', 'Passw0rd!')).body.error).toBe('mfa_required');
  });

  it('a success before the limit resets the count', async () => {
    for (let i = 0; i < 4; i += 1) await password('carol@example.com', 'wrong');
    expect((await password('carol@example.com', 'Passw0rd!')).body.error).toBe('mfa_required');
    for (let i = 0; i < 4; i += 1) await password('carol@example.com', 'wrong');
    expect((await password('carol@example.com', 'Passw0rd!')).body.error).toBe('mfa_required');
  });

  it('unknown login names lock the same way, so the lockout does not reveal which accounts exist', async () => {
    for (let i = 0; i < 5; i += 1) await password('nobody@example.com', 'wrong');
    expect((await password('nobody@example.com', 'wrong')).status).toBe(429);
  });

  it('the login form counts wrong passwords for the same user and answers 429 with Retry-After', async () => {
    const em2 = await start();
    try {
      const form = async (pass: string) => {
        const { challenge } = pkce();
        const authorize = await fetch(
          authorizeUrl(em2, { code_challenge: challenge, code_challenge_method: 'S256', state: 's' }),
          { redirect: 'manual' },
        );
        const location = authorize.headers.get('location') ?? '';
        const jar = new CookieJar();
        jar.store(authorize);
        return fetch(new URL(`${location}/login`, em2.issuer), {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
          body: new URLSearchParams({ email: 'alice@example.com', password: pass }).toString(),
        });
      };
      for (let i = 0; i < 3; i += 1) expect((await form('wrong')).status).toBe(400);
      for (let i = 0; i < 2; i += 1)
        expect((await password2(em2, 'alice@example.com', 'wrong')).status).toBe(403);
      const locked = await form('Passw0rd!');
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await locked.text()).toContain('Too many failed attempts');
    } finally {
      await em2.close();
    }
  });
});

function password2(em: Emulator, username: string, pass: string) {
  return token(em, { grant_type: 'password', username, password: pass, scope: 'openid' });
}

describe('PasswordAttempts', () => {
  it('locks for the lockout period, then lets the name try again', () => {
    let now = 0;
    const attempts = new PasswordAttempts({ maxAttempts: 3, lockoutMs: 60_000, now: () => now });
    attempts.failed('mia@example.com');
    attempts.failed('mia@example.com');
    expect(attempts.lockedFor('mia@example.com')).toBeUndefined();
    attempts.failed('MIA@example.com ');
    expect(attempts.lockedFor('mia@example.com')).toBe(60);
    now += 59_001;
    expect(attempts.lockedFor('mia@example.com')).toBe(1);
    now += 1_000;
    expect(attempts.lockedFor('mia@example.com')).toBeUndefined();
    attempts.failed('mia@example.com');
    expect(attempts.lockedFor('mia@example.com')).toBeUndefined();
  });
});
