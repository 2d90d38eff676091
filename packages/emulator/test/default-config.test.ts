import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import { claims } from './support.js';
import { startTestEmulator } from '../../../test/emulator.js';

const PAYMENTS = 'https://payments.example.com';

describe('the default configuration (npm run emulator without --config)', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await startTestEmulator(parseConfig(defaultConfig));
  });
  afterAll(() => em.close());

  const [client] = defaultConfig.clients;
  async function token(params: Record<string, string>) {
    const response = await fetch(new URL('oauth/token', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: client?.client_id ?? '',
        client_secret: client?.client_secret ?? '',
        ...params,
      }),
    });
    const body: Record<string, unknown> = await response.json();
    return { status: response.status, body };
  }

  it('has a plain API and a step-up API that requires MFA', () => {
    expect(em.config.apis).toEqual([
      expect.objectContaining({ audience: 'https://api.example.com', mfa: 'off' }),
      expect.objectContaining({ audience: PAYMENTS, mfa: 'required', scopes: ['transfer:funds'] }),
    ]);
  });

  it('a login without the payments API steps up for it: refreshing with its audience answers mfa_required', async () => {
    const login = await token({
      grant_type: 'password',
      username: 'alice@example.com',
      password: 'Passw0rd!',
      scope: 'openid offline_access',
      audience: 'https://api.example.com',
    });
    expect(login.status).toBe(200);

    const stepUp = await token({
      grant_type: 'refresh_token',
      refresh_token: String(login.body.refresh_token),
      audience: PAYMENTS,
      scope: 'transfer:funds',
    });
    expect(stepUp.status).toBe(403);
    expect(stepUp.body).toMatchObject({ error: 'mfa_required', mfa_token: expect.any(String) });

    const plain = await token({
      grant_type: 'refresh_token',
      refresh_token: String(login.body.refresh_token),
    });
    expect(plain.status).toBe(200);
    expect(claims(plain.body.access_token)).toMatchObject({ aud: 'https://api.example.com' });
  });
});
