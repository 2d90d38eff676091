import { describe, expect, expectTypeOf, it } from 'vitest';
import * as emulator from 'auth0-emulator';
import type {
  AuthenticatorView,
  Emulator,
  HandlerResult,
  MfaRequiredBody,
  MfaRequirements,
  MfaService,
  OutboxEntry,
  SeededUser,
  VerifyFailure,
  VerifyResult,
  VerifySuccess,
} from 'auth0-emulator';

// Checked by the type-check of the tests (against the built declarations), not at run time.
describe('the public types of Emulator.mfa', () => {
  it('name the MFA module and what its methods return', () => {
    expectTypeOf<Emulator['mfa']>().toEqualTypeOf<MfaService>();
    expectTypeOf<ReturnType<MfaService['outbox']>>().toEqualTypeOf<OutboxEntry[]>();
    expectTypeOf<ReturnType<MfaService['approvePush']>>().toEqualTypeOf<HandlerResult>();
    expectTypeOf<ReturnType<MfaService['verifyOtp']>>().toEqualTypeOf<VerifyResult>();
    expectTypeOf<VerifyResult>().toEqualTypeOf<VerifySuccess | VerifyFailure>();
    expectTypeOf<ReturnType<MfaService['requirements']>>().toEqualTypeOf<MfaRequirements>();
    expectTypeOf<ReturnType<MfaService['issueMfaToken']>['body']>().toEqualTypeOf<MfaRequiredBody>();
    expectTypeOf<SeededUser['authenticators'][number]>().toExtend<AuthenticatorView>();
  });

  it('export MfaService as a type only: the emulator builds it, users do not', () => {
    // @ts-expect-error a type-only export: the declarations offer no class to construct
    expect(emulator.MfaService).toBeUndefined();
    expect('MfaService' in emulator).toBe(false);
  });
});
