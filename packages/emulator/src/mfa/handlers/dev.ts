/** Development endpoints: the outbox of sent codes and the user's side of a push. */
import type { HandlerResult, OutboxEntry } from '../types.js';
import { answerPush } from '../model/push.js';
import type { MfaState } from '../model/state.js';
import { generateTotp } from '../totp.js';

/** Every code sent by SMS, voice or email, newest last (copies, so callers cannot alter the record). */
export function outbox(state: MfaState): OutboxEntry[] {
  return state.outbox.map((entry) => ({ ...entry }));
}

/** Approves the push challenge `oobCode` as the user's phone would (`POST /__dev/push/:oob_code/approve`). */
export function approvePush(state: MfaState, oobCode: string): HandlerResult {
  return answerPush(state, oobCode, 'approved');
}

/** Denies the push challenge `oobCode` as the user's phone would (`POST /__dev/push/:oob_code/deny`). */
export function denyPush(state: MfaState, oobCode: string): HandlerResult {
  return answerPush(state, oobCode, 'denied');
}

/**
 * The code the user's authenticator app shows now (by the service's clock) for their otp factor
 * `authenticatorId`, or their first one; `undefined` when they have none.
 */
export function currentTotp(state: MfaState, userId: string, authenticatorId?: string): string | undefined {
  const factors = [...(state.users.get(userId)?.authenticators.values() ?? [])];
  const otp = factors.find(
    (a) => a.kind === 'otp' && (authenticatorId === undefined || a.id === authenticatorId),
  );
  return otp?.kind === 'otp' ? generateTotp(otp.secret, state.options.now()) : undefined;
}
