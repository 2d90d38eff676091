import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { GRANTS, field, mfaToken, start, token } from './support.js';

describe('MFA recovery codes (mfa-recovery-code grant)', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  it('accepts the recovery code once and returns a new one to show the user', async () => {
    const carol = em.seededUsers.find((user) => user.userId === 'auth0|carol');
    const code = carol?.recoveryCode ?? '';
    const first = await token(em, {
      grant_type: GRANTS.recovery,
      mfa_token: await mfaToken(em, 'carol@example.com'),
      recovery_code: code,
    });
    expect(first.status).toBe(200);
    const replacement = field(first.body, 'recovery_code');
    expect(replacement).not.toBe(code);

    const reused = await token(em, {
      grant_type: GRANTS.recovery,
      mfa_token: await mfaToken(em, 'carol@example.com'),
      recovery_code: code,
    });
    expect(reused.status).toBe(403);
    expect(reused.body.error).toBe('invalid_grant');

    const next = await token(em, {
      grant_type: GRANTS.recovery,
      mfa_token: await mfaToken(em, 'carol@example.com'),
      recovery_code: replacement,
    });
    expect(next.status).toBe(200);
  });
});
