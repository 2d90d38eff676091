import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { API, claims, codeFlow, start, token } from './support.js';

describe('refresh_token grant', () => {
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

  it('rotates the refresh token and keeps the audience chosen at /authorize', async () => {
    const first = await login();
    const { status, body } = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: String(first.refresh_token),
    });
    expect(status).toBe(200);
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.refresh_token).not.toBe(first.refresh_token);
    expect(claims(body.access_token).aud).toBe(API);
    expect(claims(body.id_token).sub).toBe('auth0|alice');
  });

  it('rejects a refresh token that was already redeemed, with 403 invalid_grant', async () => {
    const first = await login();
    await token(em, { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) });
    const replay = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: String(first.refresh_token),
    });
    expect(replay.status).toBe(403);
    expect(replay.body.error).toBe('invalid_grant');
  });
});
