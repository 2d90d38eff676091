import { describe, expect, expectTypeOf, it } from 'vitest';
import * as emulator from 'auth0-emulator';
import type { AuthenticatorView, Emulator, EmulatorMfa, OutboxEntry, SeededUser } from 'auth0-emulator';

// Checked by the type-check of the tests (against the built declarations), not at run time.
describe('the public types of Emulator.mfa', () => {
  it('offer the outbox, push answers and TOTP codes, and nothing of the MFA module behind them', () => {
    expectTypeOf<Emulator['mfa']>().toEqualTypeOf<EmulatorMfa>();
    expectTypeOf<keyof EmulatorMfa>().toEqualTypeOf<'outbox' | 'approvePush' | 'denyPush' | 'totp'>();
    expectTypeOf<ReturnType<EmulatorMfa['outbox']>>().toEqualTypeOf<OutboxEntry[]>();
    expectTypeOf<ReturnType<EmulatorMfa['totp']>>().toEqualTypeOf<string>();
    expectTypeOf<SeededUser['authenticators'][number]>().toExtend<AuthenticatorView>();
  });

  it('export no MFA module: the emulator builds it, users do not', () => {
    expect('MfaService' in emulator).toBe(false);
  });
});
