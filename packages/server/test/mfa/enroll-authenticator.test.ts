import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { testKeyPair } from '../../../../test/keys.js';
import { fieldsOf, json, type Seen } from 'auth0-test-kit';
import { sealed, setup } from './harness.js';

const otpAnswer = {
  authenticator_type: 'otp',
  secret: 'JBSWY3DPEHPK3PXP',
  barcode_uri: 'otpauth://totp/tenant:alice?secret=JBSWY3DPEHPK3PXP&issuer=tenant',
  recovery_codes: ['ABCDEFGHJKLMNPQRSTUVWXYZ'],
};
const oobAnswer = (channel: string, extra: Record<string, unknown> = {}) => ({
  authenticator_type: 'oob',
  oob_channel: channel,
  oob_code: 'oob-code-1',
  ...extra,
});
const associate = (answer: unknown) => (request: Seen) =>
  request.method === 'POST' && request.path === '/mfa/associate' ? json(answer) : undefined;

describe('enrollAuthenticator', () => {
  it('otp: POSTs /mfa/associate with Bearer, client id and secret, and returns the secret and QR code URI', async () => {
    const { mfa, tokens, seen } = setup({ routes: [associate(otpAnswer)] });
    const result = await mfa.enrollAuthenticator({ mfaToken: await sealed(tokens), factorType: 'otp' });
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer RAW-MFA-TOKEN');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(fieldsOf(seen[0] ?? { method: '', path: '', headers: new Headers(), body: '{}' })).toEqual({
      client_id: 'app',
      client_secret: 'client-secret-value',
      authenticator_types: ['otp'],
    });
    expect(result).toEqual({
      authenticatorType: 'otp',
      secret: otpAnswer.secret,
      barcodeUri: otpAnswer.barcode_uri,
      recoveryCodes: otpAnswer.recovery_codes,
    });
  });

  it.each([
    ['sms', { phoneNumber: '+14155550100' }, { oob_channels: ['sms'], phone_number: '+14155550100' }],
    ['voice', { phoneNumber: '+14155550100' }, { oob_channels: ['voice'], phone_number: '+14155550100' }],
    ['email', { email: 'alice@example.com' }, { oob_channels: ['email'], email: 'alice@example.com' }],
    ['push', {}, { oob_channels: ['auth0'] }],
  ] as const)('%s: asks for an oob authenticator on its channel', async (factorType, extra, expected) => {
    const channel = expected.oob_channels[0];
    const { mfa, tokens, seen } = setup({
      routes: [
        associate(
          oobAnswer(
            channel,
            channel === 'auth0'
              ? { barcode_uri: 'otpauth://totp/x?enrollment_tx_id=1' }
              : { binding_method: 'prompt' },
          ),
        ),
      ],
    });
    const result = await mfa.enrollAuthenticator({ mfaToken: await sealed(tokens), factorType, ...extra });
    const body = seen[0] ? fieldsOf(seen[0]) : {};
    expect(body).toMatchObject({ authenticator_types: ['oob'], ...expected });
    expect(result).toMatchObject({ authenticatorType: 'oob', oobChannel: channel, oobCode: 'oob-code-1' });
    if (channel === 'auth0')
      expect(result).toMatchObject({ barcodeUri: expect.stringContaining('enrollment_tx_id') });
    else expect(result).toMatchObject({ bindingMethod: 'prompt' });
  });

  it('authenticates with private_key_jwt exactly as the token endpoint does', async () => {
    const pem = (await testKeyPair(1)).privatePem;
    const { mfa, tokens, seen } = setup({
      routes: [associate(otpAnswer)],
      clientAuth: { method: 'private_key_jwt', clientAssertionSigningKey: pem },
    });
    await mfa.enrollAuthenticator({ mfaToken: await sealed(tokens), factorType: 'otp' });
    const body = seen[0] ? fieldsOf(seen[0]) : {};
    expect(body).toMatchObject({
      client_id: 'app',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    });
    expect(body.client_secret).toBeUndefined();
    expect(decodeJwt(String(body.client_assertion))).toMatchObject({ iss: 'app', sub: 'app' });
  });

  it('with client_secret_basic, sends the secret in the body: Authorization carries the mfa token', async () => {
    const { mfa, tokens, seen } = setup({
      routes: [associate(otpAnswer)],
      clientAuth: { method: 'client_secret_basic', clientSecret: 'a secret: with+odd/chars' },
    });
    await mfa.enrollAuthenticator({ mfaToken: await sealed(tokens), factorType: 'otp' });
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer RAW-MFA-TOKEN');
    expect(seen[0] ? fieldsOf(seen[0]) : {}).toMatchObject({
      client_id: 'app',
      client_secret: 'a secret: with+odd/chars',
    });
  });

  it('validates its inputs up front with TypeErrors naming the field', async () => {
    const { mfa, tokens, seen } = setup({ routes: [associate(otpAnswer)] });
    const mfaToken = await sealed(tokens);
    const cases: [Parameters<typeof mfa.enrollAuthenticator>[0], string][] = [
      [{ mfaToken, factorType: 'sms' }, 'phoneNumber'],
      [{ mfaToken, factorType: 'voice', phoneNumber: '4155550100' }, 'phoneNumber'],
      [{ mfaToken, factorType: 'email', email: 'not-an-address' }, 'email'],
      [{ mfaToken, factorType: 'otp', phoneNumber: '+14155550100' }, 'phoneNumber'],
    ];
    for (const [options, field] of cases) {
      await expect(mfa.enrollAuthenticator(options)).rejects.toThrow(new RegExp(`"${field}"`));
    }
    const unknownFactor: unknown = { mfaToken, factorType: 'webauthn' };
    await expect(Reflect.apply(mfa.enrollAuthenticator, mfa, [unknownFactor])).rejects.toThrow(
      /"factorType"/,
    );
    expect(seen).toHaveLength(0);
  });

  it('refuses a missing encrypted token as mfa_token_invalid: it comes back from the browser', async () => {
    const { mfa, seen } = setup({ routes: [associate(otpAnswer)] });
    await expect(mfa.enrollAuthenticator({ mfaToken: '', factorType: 'otp' })).rejects.toMatchObject({
      name: 'MfaTokenInvalidError',
      code: 'mfa_token_invalid',
    });
    expect(seen).toHaveLength(0);
  });
});

describe('enrollAuthenticator email', () => {
  it("without an address sends none: the server enrolls the user's own (as the MFA API documents)", async () => {
    const { mfa, tokens, seen } = setup({ routes: [associate(oobAnswer('email'))] });
    await mfa.enrollAuthenticator({ mfaToken: await sealed(tokens), factorType: 'email' });
    const sent = fieldsOf(seen[0] ?? { method: '', path: '', headers: new Headers(), body: '{}' });
    expect(sent).toMatchObject({ authenticator_types: ['oob'], oob_channels: ['email'] });
    expect(sent).not.toHaveProperty('email');
  });
});
