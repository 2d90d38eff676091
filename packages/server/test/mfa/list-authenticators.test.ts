import { describe, expect, it } from 'vitest';
import { MfaTokenInvalidError, ServerError } from '../../src/errors/index.js';
import { json, type Seen } from 'auth0-test-kit';
import { sealed, setup } from './harness.js';

const wire = [
  { id: 'totp|dev_1', authenticator_type: 'otp', active: true },
  { id: 'sms|dev_2', authenticator_type: 'oob', oob_channel: 'sms', active: true, name: '+1 ...0100' },
  { id: 'voice|dev_3', authenticator_type: 'oob', oob_channels: ['voice'], active: true },
  { id: 'push|dev_4', authenticator_type: 'oob', oob_channel: 'auth0', active: false },
  { id: 'recovery-code|dev_5', authenticator_type: 'recovery-code', active: true },
];
const list = (request: Seen) =>
  request.method === 'GET' && request.path === '/mfa/authenticators' ? json(wire) : undefined;

describe('listAuthenticators', () => {
  it('sends GET /mfa/authenticators with the raw mfa token as Bearer and maps the answer to camelCase', async () => {
    const { mfa, tokens, seen } = setup({ routes: [list] });
    const result = await mfa.listAuthenticators({ mfaToken: await sealed(tokens) });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer RAW-MFA-TOKEN');
    expect(result).toEqual([
      { id: 'totp|dev_1', authenticatorType: 'otp', active: true },
      { id: 'sms|dev_2', authenticatorType: 'oob', oobChannel: 'sms', active: true, name: '+1 ...0100' },
      { id: 'voice|dev_3', authenticatorType: 'oob', oobChannel: 'voice', active: true },
      { id: 'push|dev_4', authenticatorType: 'oob', oobChannel: 'auth0', active: false },
      { id: 'recovery-code|dev_5', authenticatorType: 'recovery-code', active: true },
    ]);
  });

  it('keeps only the authenticators the challenge requirements name', async () => {
    const { mfa, tokens } = setup({ routes: [list] });
    const mfaToken = await sealed(tokens, { challenge: ['phone', 'push-notification'] });
    const result = await mfa.listAuthenticators({ mfaToken });
    expect(result.map((a) => a.id)).toEqual(['sms|dev_2', 'voice|dev_3', 'push|dev_4']);
  });

  it('refuses an invalid token before any request', async () => {
    const { mfa, seen } = setup({ routes: [list] });
    await expect(mfa.listAuthenticators({ mfaToken: 'garbage' })).rejects.toBeInstanceOf(
      MfaTokenInvalidError,
    );
    expect(seen).toHaveLength(0);
  });

  it("keeps the server's error, description and status", async () => {
    const { mfa, tokens } = setup({
      routes: [() => json({ error: 'invalid_token', error_description: 'expired mfa_token' }, 401)],
    });
    const err = await mfa.listAuthenticators({ mfaToken: await sealed(tokens) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ error: 'invalid_token', errorDescription: 'expired mfa_token', status: 401 });
  });
});
