import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { createTenant, type Tenant, type TenantOptions } from '../src/index.js';
import { testKeyPair } from '../../../test/keys.js';

const REDIRECT = 'https://app.example.com/callback';
const VERIFIER = 'a-code-verifier-of-at-least-forty-three-characters-long';

const tenantWith = (options: TenantOptions = {}) => createTenant({ keys: () => testKeyPair(1), ...options });

async function post(tenant: Tenant, fields: Record<string, string>) {
  const body = new URLSearchParams({
    client_id: tenant.clientId,
    client_secret: tenant.clientSecret,
    ...fields,
  });
  const answer = await tenant.fetch(`${tenant.issuer}oauth/token`, { method: 'POST', body });
  return { status: answer.status, body: (await answer.json()) as Record<string, string> };
}

async function login(tenant: Tenant) {
  const url = new URL(`${tenant.issuer}authorize`);
  url.searchParams.set('redirect_uri', REDIRECT);
  url.searchParams.set('code_challenge', createHash('sha256').update(VERIFIER).digest('base64url'));
  const code = tenant.authorize(url).searchParams.get('code') ?? '';
  return post(tenant, {
    grant_type: 'authorization_code',
    code,
    code_verifier: VERIFIER,
    redirect_uri: REDIRECT,
  });
}

describe('createTenant', () => {
  it('redeems a refresh token once and answers with the next one (rotate, the default)', async () => {
    const tenant = await tenantWith();
    const first = await login(tenant);
    const refresh = (token = '') => post(tenant, { grant_type: 'refresh_token', refresh_token: token });
    const second = await refresh(first.body.refresh_token);
    expect(second.status).toBe(200);
    expect((await refresh(first.body.refresh_token)).body.error).toBe('invalid_grant');
    expect((await refresh(second.body.refresh_token)).status).toBe(200);
    expect(tenant.counts).toMatchObject({ code: 1, refresh: 3 });
  });

  it('accepts any refresh token again and again with one signed ID token of its user (replay)', async () => {
    const tenant = await tenantWith({
      refreshTokens: 'replay',
      user: { sub: 'auth0|bench', claims: { name: 'B' } },
    });
    // Seconds apart, so a token signed anew would differ in its `iat`.
    vi.useFakeTimers({ toFake: ['Date'] });
    const answers = [];
    for (let i = 0; i < 3; i++) {
      answers.push(await post(tenant, { grant_type: 'refresh_token', refresh_token: 'never-issued' }));
      vi.setSystemTime(Date.now() + 5000);
    }
    vi.useRealTimers();
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.id_token)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.access_token)).size).toBe(3);
    expect(decodeJwt(answers[0]?.body.id_token ?? '')).toMatchObject({ sub: 'auth0|bench', name: 'B' });
  });

  it('refuses a code exchange without the verifier of its challenge, and a wrong client secret', async () => {
    const tenant = await tenantWith();
    const url = new URL(
      `${tenant.issuer}authorize?redirect_uri=${encodeURIComponent(REDIRECT)}&code_challenge=x`,
    );
    const code = tenant.authorize(url).searchParams.get('code') ?? '';
    const exchange = {
      grant_type: 'authorization_code',
      code,
      code_verifier: VERIFIER,
      redirect_uri: REDIRECT,
    };
    expect((await post(tenant, exchange)).body.error).toBe('invalid_grant');
    expect((await post(tenant, { ...exchange, client_secret: 'wrong' })).status).toBe(401);
  });
});
