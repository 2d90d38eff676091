/**
 * {@link EmulatorMfa}: what a test needs of a running emulator's MFA, the programmatic twin of the dev
 * endpoints (`/__dev/outbox`, `/__dev/push/:oob_code/...`). The MFA module itself stays internal.
 */
import type { HandlerResult, MfaService, OutboxEntry } from '../mfa/index.js';
import { argumentError } from '../lib/validate.js';

/** The MFA side of a running emulator, {@link Emulator.mfa}. */
export interface EmulatorMfa {
  /** Every SMS, voice and email code sent, newest last (copies). */
  outbox(): OutboxEntry[];
  /**
   * Approves the push challenge `oobCode` as the user's phone would.
   *
   * @throws TypeError (`ERR_INVALID_ARG_VALUE`) when no pending push has that oob_code, it expired, or it
   *   was denied already.
   */
  approvePush(oobCode: string): void;
  /** Denies the push challenge `oobCode` as the user's phone would; throws as {@link approvePush}. */
  denyPush(oobCode: string): void;
  /**
   * The code the user's authenticator app shows now, by the emulator's `now` clock, for their
   * otp factor `authenticatorId` (default: their first).
   *
   * @throws TypeError (`ERR_INVALID_ARG_VALUE`) when the user has no such otp factor.
   */
  totp(userId: string, authenticatorId?: string): string;
}

/** The narrow view of `mfa` that {@link Emulator.mfa} hands out. */
export function emulatorMfa(mfa: MfaService): EmulatorMfa {
  return {
    outbox: () => mfa.outbox(),
    approvePush: (oobCode) => answered(mfa.approvePush(oobCode), 'approvePush'),
    denyPush: (oobCode) => answered(mfa.denyPush(oobCode), 'denyPush'),
    totp: (userId, authenticatorId) => {
      const code = mfa.currentTotp(userId, authenticatorId);
      if (code === undefined) throw argumentError(`totp: ${userId} has no such otp factor`);
      return code;
    },
  };
}

/** Throws the dev endpoint's refusal (its description names no code). */
function answered(result: HandlerResult, method: string): void {
  if (result.status === 200) return;
  const body = result.body;
  const description =
    typeof body === 'object' &&
    body !== null &&
    'error_description' in body &&
    typeof body.error_description === 'string'
      ? body.error_description
      : `answered ${result.status}`;
  throw argumentError(`${method}: ${description}`);
}
