/**
 * The token endpoint's MFA grants (`http://auth0.com/oauth/grant-type/mfa-otp`, `mfa-oob`,
 * `mfa-recovery-code`). Each checks its code, then {@link completeFactor} records the factor: the flow either
 * succeeds (the host issues tokens) or, in chained MFA, continues with a fresh mfa_token.
 */
import type { RequirementType, VerifyFailure, VerifyResult, VerifySuccess } from '../types.js';
import { verifyTotp } from '../totp.js';
import { lockout, recordFailure, recordSuccess } from '../model/attempts.js';
import { pollPush } from '../model/push.js';
import { activateRecovery, matchesRecovery, recoveryOf, rotateRecovery } from '../model/recovery.js';
import { enrolling } from '../model/requirements.js';
import { invalidRequest, oauthError } from '../model/responses.js';
import { amrOf, factorOf, type AuthenticatorRecord, type MfaState } from '../model/state.js';
import {
  issueToken,
  lookupToken,
  mfaRequiredBody,
  tokenGrantError,
  type TokenLookup,
} from '../model/tokens.js';

type Flow = Extract<TokenLookup, { ok: true }>;

/** Input of the mfa-otp grant; `clientId` is the client the host authenticated. */
export interface VerifyOtpInput {
  clientId: string;
  mfaToken?: string;
  otp?: string;
}

/** Input of the mfa-oob grant; `bindingCode` is required when the challenge answered `binding_method: "prompt"`. */
export interface VerifyOobInput {
  clientId: string;
  mfaToken?: string;
  oobCode?: string;
  bindingCode?: string;
}

/** Input of the mfa-recovery-code grant. */
export interface VerifyRecoveryCodeInput {
  clientId: string;
  mfaToken?: string;
  recoveryCode?: string;
}

/**
 * The mfa-otp grant: the code of an active otp authenticator of the user, or of a pending one when the
 * flow asks to enroll (it becomes active). Codes are accepted one 30-second step early or late, and each
 * step only once.
 */
export function verifyOtp(state: MfaState, input: VerifyOtpInput): VerifyResult {
  const flow = openFlow(state, input.clientId, input.mfaToken);
  if ('status' in flow) return flow;
  if (!input.otp) return invalidRequest('otp is required');
  if (flow.record.verified.includes('otp')) return alreadyVerified();

  const now = state.options.now();
  const pendingAllowed = enrolling(flow.user, flow.record.verified);
  let reused = false;
  for (const authenticator of flow.user.authenticators.values()) {
    if (authenticator.kind !== 'otp' || (!authenticator.active && !pendingAllowed)) continue;
    const step = verifyTotp(authenticator.secret, input.otp, now, authenticator.lastTimeStep);
    if (step === undefined) {
      // Right code, but its 30-second step was already spent: say so rather than "wrong code".
      reused ||= verifyTotp(authenticator.secret, input.otp, now) !== undefined;
      continue;
    }
    authenticator.lastTimeStep = step;
    return completeFactor(state, flow, authenticator);
  }
  recordFailure(state, flow.user);
  return reused
    ? oauthError(403, 'invalid_grant', OTP_ALREADY_USED)
    : oauthError(403, 'invalid_grant', 'Invalid otp_code.');
}

/** The description of a code whose time step was already used: wait for the next code. */
export const OTP_ALREADY_USED = 'This otp_code was already used. Wait for the next code.';

/**
 * The mfa-oob grant: an sms, voice or email oob_code with the `binding_code` that was sent, or a push
 * oob_code polled until the user answers (`authorization_pending`, `slow_down`, then success or a final
 * `invalid_grant`). An oob_code past its lifetime answers 403 `expired_token`, like an expired device code.
 */
export function verifyOob(state: MfaState, input: VerifyOobInput): VerifyResult {
  const flow = openFlow(state, input.clientId, input.mfaToken);
  if ('status' in flow) return flow;
  if (!input.oobCode) return invalidRequest('oob_code is required');

  const oob = state.oob.get(input.oobCode);
  const authenticator =
    oob && oob.userId === flow.user.userId ? flow.user.authenticators.get(oob.authenticatorId) : undefined;
  if (!oob || !authenticator) return oauthError(403, 'invalid_grant', 'Invalid oob_code.');
  if (!authenticator.active && !enrolling(flow.user, flow.record.verified)) return unconfirmed();
  if (oob.expiresAt <= state.options.now())
    return oauthError(403, 'expired_token', 'The oob_code has expired');
  if (flow.record.verified.includes(factorOf(authenticator.kind))) return alreadyVerified();

  if (oob.kind === 'push') {
    const outcome = pollPush(state, oob);
    if (outcome !== 'approved') return outcome;
  } else {
    if (!input.bindingCode) return invalidRequest('binding_code is required');
    if (input.bindingCode.trim() !== oob.bindingCode) {
      recordFailure(state, flow.user);
      return oauthError(403, 'invalid_grant', 'Invalid binding_code.');
    }
  }
  state.oob.delete(input.oobCode);
  return completeFactor(state, flow, authenticator);
}

/**
 * The mfa-recovery-code grant: the user's active recovery code, which is consumed and replaced. The new
 * code is returned as `recoveryCode` when the flow succeeds (chained flows carry it to the end).
 */
export function verifyRecoveryCode(state: MfaState, input: VerifyRecoveryCodeInput): VerifyResult {
  const flow = openFlow(state, input.clientId, input.mfaToken);
  if ('status' in flow) return flow;
  if (!input.recoveryCode) return invalidRequest('recovery_code is required');
  if (flow.record.verified.includes('recovery-code')) return alreadyVerified();

  const recovery = recoveryOf(flow.user);
  if (!recovery || !matchesRecovery(flow.user, input.recoveryCode)) {
    recordFailure(state, flow.user);
    return oauthError(403, 'invalid_grant', 'Invalid recovery_code.');
  }
  flow.record.recoveryCode = rotateRecovery(flow.user);
  return completeFactor(state, flow, recovery);
}

/** The usable flow of an mfa_token presented by `clientId`, or the error to answer (lockout included). */
function openFlow(state: MfaState, clientId: string, mfaToken: string | undefined): Flow | VerifyFailure {
  const found = lookupToken(state, mfaToken, clientId);
  if (!found.ok) return tokenGrantError(found.problem);
  return lockout(state, found.user) ?? found;
}

/**
 * Records a verified factor: confirms a pending enrollment (and with the user's first one, the recovery
 * code), consumes the mfa_token, then succeeds once the user's `factorsRequired` distinct factors are
 * verified, or answers `mfa_required` with a fresh mfa_token that carries the flow on.
 */
function completeFactor(state: MfaState, flow: Flow, authenticator: AuthenticatorRecord): VerifyResult {
  const { user, record, token } = flow;
  recordSuccess(user);
  if (!authenticator.active) {
    authenticator.active = true;
    activateRecovery(user);
  }
  state.tokens.delete(token);

  const verified: RequirementType[] = [...record.verified, factorOf(authenticator.kind)];
  const amr = [...record.amr, amrOf(authenticator.kind)];
  if (verified.length >= user.factorsRequired) {
    const done: VerifySuccess = {
      ok: true,
      userId: user.userId,
      context: record.context,
      amr: ['mfa', ...amr],
    };
    return record.recoveryCode === undefined ? done : { ...done, recoveryCode: record.recoveryCode };
  }
  const progress =
    record.recoveryCode === undefined
      ? { verified, amr }
      : { verified, amr, recoveryCode: record.recoveryCode };
  const next = issueToken(state, user, record.clientId, record.context, progress);
  return { ok: false, status: 403, body: mfaRequiredBody(next, user, verified) };
}

function unconfirmed(): VerifyResult {
  return oauthError(
    403,
    'invalid_grant',
    'This authenticator is not confirmed; answer the challenge with an active authenticator',
  );
}

function alreadyVerified(): VerifyResult {
  return oauthError(403, 'invalid_grant', 'This factor was already verified in this flow; use another one');
}
