import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { API, CLIENT_ID, CLIENT_SECRET, codeFlow, start, token } from './support.js';

async function revoke(em: Emulator, value: string, hint = 'refresh_token'): Promise<number> {
  const response = await fetch(new URL('oauth/revoke', em.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      token: value,
      token_type_hint: hint,
    }).toString(),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('/oauth/revoke', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  const login = () =>
    codeFlow(
      em,
      { email: 'alice@example.com', password: 'Passw0rd!' },
      { scope: 'openid offline_access read:data', audience: API },
    );

  it('a revoked refresh token answers 403 invalid_grant on its next refresh, for every audience', async () => {
    const tokens = await login();
    const refreshToken = String(tokens.refresh_token);
    expect(await revoke(em, refreshToken)).toBe(200);
    const variants: Record<string, string>[] = [{}, { audience: API }];
    for (const params of variants) {
      const refreshed = await token(em, {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        ...params,
      });
      expect(refreshed.status).toBe(403);
      expect(refreshed.body.error).toBe('invalid_grant');
    }
  });

  it('revoking a refresh token leaves the other logins of the same user working', async () => {
    const revoked = await login();
    const kept = await login();
    expect(await revoke(em, String(revoked.refresh_token))).toBe(200);
    const refreshed = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: String(kept.refresh_token),
    });
    expect(refreshed.status).toBe(200);
  });

  it('answers 200 for a token it does not know, as RFC 7009 asks', async () => {
    expect(await revoke(em, 'not-a-token')).toBe(200);
  });
});
