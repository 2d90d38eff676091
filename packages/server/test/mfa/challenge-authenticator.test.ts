import { describe, expect, it } from 'vitest';
import { ServerError } from '../../src/errors/index.js';
import { fieldsOf, json } from 'auth0-test-kit';
import { sealed, setup } from './harness.js';

describe('challengeAuthenticator', () => {
  it('POSTs /mfa/challenge with the raw mfa token in the body, client authentication, no Authorization', async () => {
    const { mfa, tokens, seen } = setup({
      routes: [
        () => json({ challenge_type: 'oob', oob_code: 'oob-1', binding_method: 'prompt', expires_in: 300 }),
      ],
    });
    const result = await mfa.challengeAuthenticator({
      mfaToken: await sealed(tokens),
      challengeType: 'oob',
      authenticatorId: 'sms|dev_2',
    });
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/mfa/challenge' });
    expect(seen[0]?.headers.get('authorization')).toBeNull();
    expect(seen[0] && fieldsOf(seen[0])).toEqual({
      client_id: 'app',
      client_secret: 'client-secret-value',
      mfa_token: 'RAW-MFA-TOKEN',
      challenge_type: 'oob',
      authenticator_id: 'sms|dev_2',
    });
    expect(result).toEqual({
      challengeType: 'oob',
      oobCode: 'oob-1',
      bindingMethod: 'prompt',
      expiresIn: 300,
    });
  });

  it("keeps the server's error for an unsupported challenge", async () => {
    const { mfa, tokens } = setup({ routes: [() => json({ error: 'unsupported_challenge_type' }, 400)] });
    const err = await mfa
      .challengeAuthenticator({ mfaToken: await sealed(tokens), challengeType: 'otp' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ error: 'unsupported_challenge_type', status: 400 });
  });

  it('refuses an unknown challengeType with a TypeError naming it', async () => {
    const { mfa, tokens } = setup();
    const options: unknown = { mfaToken: await sealed(tokens), challengeType: 'sms' };
    await expect(Reflect.apply(mfa.challengeAuthenticator, mfa, [options])).rejects.toThrow(
      /"challengeType"/,
    );
  });
});
