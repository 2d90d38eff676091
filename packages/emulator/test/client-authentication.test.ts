import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { API, jwtClient, start } from './support.js';

describe('client authentication methods', () => {
  let em: Emulator;
  let jwt: Awaited<ReturnType<typeof jwtClient>>;

  beforeAll(async () => {
    jwt = await jwtClient();
    em = await start({
      clients: [
        {
          client_id: 'basic',
          client_secret: 'basic-secret-at-least-32-characters!!',
          token_endpoint_auth_method: 'client_secret_basic',
        },
        jwt.client,
      ],
    });
  });
  afterAll(() => em.close());

  const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(new URL('oauth/token', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body).toString(),
    });

  it('accepts client_secret_basic', async () => {
    const credentials = Buffer.from('basic:basic-secret-at-least-32-characters!!').toString('base64');
    const response = await post(
      { grant_type: 'client_credentials', audience: API },
      { authorization: `Basic ${credentials}` },
    );
    expect(response.status).toBe(200);
  });

  it('accepts private_key_jwt with a client assertion signed by the registered key', async () => {
    const assertion = await jwt
      .assertion(em.issuer)
      .setJti(crypto.randomUUID())
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(jwt.privateKey);
    const response = await post({
      grant_type: 'client_credentials',
      audience: API,
      client_id: 'jwt',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
    expect(response.status).toBe(200);
  });

  it('refuses Basic credentials that are not validly percent-encoded as the provider does, also on a refresh with audience', async () => {
    const headers = { authorization: `Basic ${Buffer.from('%E0:secret').toString('base64')}` };
    const bodies: Array<Record<string, string>> = [
      { grant_type: 'client_credentials', audience: API },
      { grant_type: 'refresh_token', refresh_token: 'any', audience: API },
    ];
    for (const body of bodies) {
      const response = await post(body, headers);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    }
  });
});
