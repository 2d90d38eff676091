import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, type Emulator } from 'auth0-emulator';
import { CLIENT_ID, CLIENT_SECRET, authorizeUrl, pkce, start } from './support.js';

// oidc-provider refuses bodies over 56 KiB; the emulator's own routes hold the same limit.
const PROVIDER_LIMIT = 56 * 1024;

describe('request bodies over the size limit', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  const tokenRequest = (padding: number, contentType: string) => {
    const params = { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET };
    const pad = 'x'.repeat(padding);
    return fetch(new URL('oauth/token', em.issuer), {
      method: 'POST',
      headers: { 'content-type': contentType },
      body:
        contentType === 'application/json'
          ? JSON.stringify({ ...params, pad })
          : new URLSearchParams({ ...params, pad }).toString(),
    });
  };

  it('/oauth/token answers oidc-provider own 400 invalid_request at any size over the limit', async () => {
    for (const padding of [PROVIDER_LIMIT + 1_000, 70_000, 1_000_000]) {
      for (const contentType of ['application/x-www-form-urlencoded', 'application/json']) {
        const response = await tokenRequest(padding, contentType);
        expect({ padding, contentType, status: response.status, body: await response.json() }).toEqual({
          padding,
          contentType,
          status: 400,
          body: { error: 'invalid_request', error_description: 'failed to parse the request body' },
        });
      }
    }
  });

  it('/oauth/token still accepts a body just under the limit', async () => {
    const response = await tokenRequest(PROVIDER_LIMIT - 1_000, 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
  });

  it('/oauth/par answers the same 400 for an oversized body', async () => {
    const response = await fetch(new URL('oauth/par', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${CLIENT_ID}&pad=${'x'.repeat(1_000_000)}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'failed to parse the request body',
    });
  });

  it('a login page answers 413 with an HTML page for an oversized form', async () => {
    const authorize = await fetch(
      authorizeUrl(em, { code_challenge: pkce().challenge, code_challenge_method: 'S256' }),
      { redirect: 'manual' },
    );
    const location = authorize.headers.get('location') ?? '';
    const jar = new CookieJar();
    jar.store(authorize);
    const cookie = jar.header();
    for (const padding of [70_000, 1_000_000]) {
      const response = await fetch(new URL(`${location}/login`, em.issuer), {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: `email=alice%40example.com&password=x&pad=${'x'.repeat(padding)}`,
        redirect: 'manual',
      });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('too large');
    }
  });
});
