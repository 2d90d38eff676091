import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, start } from './support.js';

describe('openid-client v6 against the emulator (end to end)', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  it('discovers, logs in through the HTML login page with PKCE and state, and refreshes', async () => {
    const config = await client.discovery(
      new URL(em.issuer),
      CLIENT_ID,
      CLIENT_SECRET,
      client.ClientSecretPost(CLIENT_SECRET),
      {
        execute: [client.allowInsecureRequests],
      },
    );
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid email offline_access',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });

    const callback = await em.login(authorizationUrl.href, {
      email: 'alice@example.com',
      password: 'Passw0rd!',
    });
    const tokens = await client.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    expect(tokens.claims()).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com', iss: em.issuer });
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.claims()?.sub).toBe('auth0|alice');
    expect(em.stats()).toMatchObject({ authorization_code: 1, refresh_token: 1 });
  });
});
