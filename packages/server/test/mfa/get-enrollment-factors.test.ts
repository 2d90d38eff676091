import { describe, expect, it } from 'vitest';
import { sealed, setup } from './harness.js';

describe('getEnrollmentFactors', () => {
  it('reads mfa_requirements.enroll from the token, with the factor types that satisfy each, without a request', async () => {
    const { mfa, tokens, seen } = setup();
    const mfaToken = await sealed(tokens, {
      enroll: ['otp', 'phone', 'push-notification', 'webauthn-roaming'],
    });
    await expect(mfa.getEnrollmentFactors({ mfaToken })).resolves.toEqual([
      { type: 'otp', factorTypes: ['otp'] },
      { type: 'phone', factorTypes: ['sms', 'voice'] },
      { type: 'push-notification', factorTypes: ['push'] },
      { type: 'webauthn-roaming', factorTypes: [] },
    ]);
    expect(seen).toHaveLength(0);
  });

  it('is empty when the server asked for no enrollment', async () => {
    const { mfa, tokens } = setup();
    await expect(
      mfa.getEnrollmentFactors({ mfaToken: await sealed(tokens, { challenge: ['otp'] }) }),
    ).resolves.toEqual([]);
  });
});
