import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotp } from 'auth0-emulator';
import type { Emulator } from 'auth0-emulator';
import { GRANTS, field, mfaApi, mfaToken, start, token } from './support.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('MFA API with an access token for {issuer}mfa/', () => {
  let em: Emulator;
  let accessToken: string;
  beforeAll(async () => {
    em = await start();
    // Carol passes MFA once to get an MFA API token with the management scopes.
    const { body } = await token(em, {
      grant_type: GRANTS.otp,
      mfa_token: await mfaToken(em, 'carol@example.com', {
        audience: `${em.issuer}mfa/`,
        scope: 'openid read:authenticators remove:authenticators enroll',
      }),
      otp: generateTotp(SECRET),
    });
    accessToken = field(body, 'access_token');
  });
  afterAll(() => em.close());

  it('lists authenticators for the token user', async () => {
    const { status, body } = await mfaApi(em, '/mfa/authenticators', { bearer: accessToken });
    expect(status).toBe(200);
    expect(body).toEqual(
      expect.arrayContaining([expect.objectContaining({ authenticator_type: 'otp', active: true })]),
    );
  });

  it('enrolls another factor with scope enroll although the user is already enrolled', async () => {
    const { status, body } = await mfaApi(em, '/mfa/associate', {
      bearer: accessToken,
      body: { authenticator_types: ['oob'], oob_channels: ['email'], email: 'carol@example.com' },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ oob_channel: 'email' });
  });

  it('refuses enrollment with an mfa_token once the user has an active factor', async () => {
    const { status } = await mfaApi(em, '/mfa/associate', {
      bearer: await mfaToken(em, 'carol@example.com'),
      body: { authenticator_types: ['otp'] },
    });
    expect(status).toBe(403);
  });

  it('deletes an authenticator with scope remove:authenticators, and refuses an mfa_token', async () => {
    const listed = await mfaApi(em, '/mfa/authenticators', { bearer: accessToken });
    const otp = Array.isArray(listed.body)
      ? listed.body.find((a: unknown) => field(a, 'authenticator_type') === 'otp')
      : undefined;
    const path = `/mfa/authenticators/${encodeURIComponent(field(otp, 'id'))}`;
    const withMfaToken = await mfaApi(em, path, {
      method: 'DELETE',
      bearer: await mfaToken(em, 'carol@example.com'),
    });
    expect(withMfaToken.status).toBe(401);
    const deleted = await mfaApi(em, path, { method: 'DELETE', bearer: accessToken });
    expect(deleted.status).toBe(204);
  });

  it('answers 404 for an authenticator id that is not validly percent-encoded', async () => {
    const { status } = await mfaApi(em, '/mfa/authenticators/%E0', { method: 'DELETE', bearer: accessToken });
    expect(status).toBe(404);
  });

  it('answers 401 invalid_client for Basic credentials that are not validly percent-encoded', async () => {
    const response = await fetch(new URL('mfa/challenge', em.issuer), {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('%E0:secret').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ mfa_token: await mfaToken(em, 'carol@example.com') }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('answers 401 without a Bearer', async () => {
    expect((await mfaApi(em, '/mfa/authenticators')).status).toBe(401);
  });
});
