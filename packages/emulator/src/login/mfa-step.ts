import type { VerifyResult } from '../mfa/index.js';
import { OTP_ALREADY_USED, qrSvg } from '../mfa/index.js';
import { redirect, sendHtml } from '../http/respond.js';
import type { LoginDeps, LoginRequest } from './context.js';
import { finishLogin } from './finish.js';
import { authenticatorList, isMfaRequired, member, members } from './read.js';
import type { LoginState, PendingFactor } from './state.js';
import { challengePage, enrollPage, otpEnrollExtra } from './mfa-views.js';
import { codePage, pushPage, recoveryShownPage } from './views.js';

/** Renders the page for where the MFA step stands. */
export async function renderMfa(
  deps: LoginDeps,
  r: LoginRequest,
  state: LoginState,
  error?: string,
): Promise<void> {
  const status = error ? 400 : 200;
  if (state.done) {
    if (state.recoveryCode) return sendHtml(r.res, 200, recoveryShownPage(r.uid, state.recoveryCode));
    return finishLogin(deps.provider, r.req, r.res, state.userId, state.done.amr, state.organization);
  }
  const pending = state.pending;
  if (pending) return sendHtml(r.res, status, await pendingPage(deps, r.uid, pending, error));
  if (state.requirements && 'enroll' in state.requirements) {
    const email = deps.users.byId(state.userId)?.email ?? '';
    return sendHtml(r.res, status, enrollPage(r.uid, { email, error }));
  }
  const listed = deps.mfa.listAuthenticators({ mfaToken: state.mfaToken ?? '' });
  return sendHtml(
    r.res,
    status,
    challengePage(r.uid, { authenticators: authenticatorList(listed.body), error }),
  );
}

async function pendingPage(
  deps: LoginDeps,
  uid: string,
  pending: PendingFactor,
  error?: string,
): Promise<string> {
  switch (pending.kind) {
    case 'otp': {
      const extra =
        pending.enrolling && pending.secret && pending.barcodeUri
          ? otpEnrollExtra(pending.secret, await qrSvg(pending.barcodeUri))
          : undefined;
      return codePage(uid, {
        title: pending.enrolling ? 'Set up your authenticator app' : 'Enter your authenticator code',
        intro: 'Enter the 6-digit code from your authenticator app.',
        action: 'verify-otp',
        field: 'otp',
        step: 'otp',
        ...(error ? { error } : {}),
        ...(extra ? { extra } : {}),
      });
    }
    case 'oob':
      return codePage(uid, {
        title: 'Enter the code we sent',
        intro: `We sent a 6-digit code by ${pending.channel === 'email' ? 'email' : pending.channel === 'voice' ? 'voice call' : 'text message'}.`,
        action: 'verify-oob',
        field: 'binding_code',
        step: 'code',
        ...(error ? { error } : {}),
      });
    case 'push':
      return pushPage(uid, {
        intervalSeconds: deps.mfa.pushIntervalSeconds,
        oobCode: pending.oobCode,
        ...(error ? { error } : {}),
      });
    case 'recovery-code':
      return codePage(uid, {
        title: 'Use your recovery code',
        intro: 'Enter the recovery code you saved when you enrolled.',
        action: 'verify-recovery',
        field: 'recovery_code',
        step: 'recovery-code',
        ...(error ? { error } : {}),
      });
  }
}

/** Applies a verifier's answer: done, another factor needed (chained MFA), or an error on the same page. */
export async function applyVerifyResult(
  deps: LoginDeps,
  r: LoginRequest,
  state: LoginState,
  result: VerifyResult,
): Promise<void> {
  if (result.ok) {
    state.pending = undefined;
    state.done = { amr: [...new Set(['pwd', ...result.amr])] };
    if (result.recoveryCode) state.recoveryCode = result.recoveryCode;
    return renderMfa(deps, r, state);
  }
  if (isMfaRequired(result.body)) {
    state.mfaToken = result.body.mfa_token;
    state.requirements = result.body.mfa_requirements;
    state.pending = undefined;
    return redirect(r.res, `/u/${r.uid}`);
  }
  const pending = result.body.error === 'authorization_pending' || result.body.error === 'slow_down';
  if (!pending && state.pending?.kind === 'push') state.pending = undefined;
  return renderMfa(deps, r, state, pending ? undefined : wording(result.body.error_description));
}

// The API's descriptions are for developers; the page says the same in a person's words where it matters.
function wording(description: string | undefined): string | undefined {
  return description === OTP_ALREADY_USED
    ? 'That code was already used. Wait for your authenticator app to show the next one.'
    : description;
}

/** POST /u/:uid/enroll: starts enrolling the chosen factor. */
export async function enroll(deps: LoginDeps, r: LoginRequest, state: LoginState): Promise<void> {
  const type = r.form.type ?? '';
  const body =
    type === 'otp'
      ? { authenticator_types: ['otp'] }
      : type === 'push'
        ? { authenticator_types: ['oob'], oob_channels: ['auth0'] }
        : {
            authenticator_types: ['oob'],
            oob_channels: [type],
            ...(type === 'email' ? { email: r.form.email } : { phone_number: r.form.phone_number }),
          };
  const answer = deps.mfa.associate({ clientId: state.clientId, mfaToken: state.mfaToken }, body);
  if (answer.status !== 200)
    return renderMfa(deps, r, state, member(answer.body, 'error_description') ?? 'Enrollment failed.');
  const recovery = members(answer.body, 'recovery_codes')[0];
  if (recovery) state.recoveryCode = recovery;
  const oobCode = member(answer.body, 'oob_code') ?? '';
  if (type === 'otp') {
    state.pending = {
      kind: 'otp',
      enrolling: true,
      ...(member(answer.body, 'secret') ? { secret: member(answer.body, 'secret') } : {}),
      ...(member(answer.body, 'barcode_uri') ? { barcodeUri: member(answer.body, 'barcode_uri') } : {}),
    };
  } else if (type === 'push') {
    state.pending = { kind: 'push', oobCode };
  } else if (type === 'sms' || type === 'voice' || type === 'email') {
    state.pending = { kind: 'oob', channel: type, oobCode };
  }
  return redirect(r.res, `/u/${r.uid}`);
}

/** POST /u/:uid/challenge: starts answering an enrolled factor. */
export async function challenge(deps: LoginDeps, r: LoginRequest, state: LoginState): Promise<void> {
  const listed = authenticatorList(deps.mfa.listAuthenticators({ mfaToken: state.mfaToken ?? '' }).body);
  const chosen = listed.find((authenticator) => authenticator.id === r.form.authenticator_id);
  if (!chosen) return renderMfa(deps, r, state, 'Choose one of the methods listed.');
  if (chosen.authenticator_type === 'otp') {
    state.pending = { kind: 'otp', enrolling: false };
    return redirect(r.res, `/u/${r.uid}`);
  }
  if (chosen.authenticator_type === 'recovery-code') {
    state.pending = { kind: 'recovery-code' };
    return redirect(r.res, `/u/${r.uid}`);
  }
  const answer = deps.mfa.challenge(
    { clientId: state.clientId },
    { mfa_token: state.mfaToken, challenge_type: 'oob', authenticator_id: chosen.id },
  );
  const oobCode = member(answer.body, 'oob_code');
  if (answer.status !== 200 || !oobCode) {
    return renderMfa(deps, r, state, member(answer.body, 'error_description') ?? 'The challenge failed.');
  }
  const channel = chosen.oob_channel ?? 'auth0';
  state.pending =
    channel === 'auth0' ? { kind: 'push', oobCode } : { kind: 'oob', channel: channelOf(channel), oobCode };
  return redirect(r.res, `/u/${r.uid}`);
}

function channelOf(channel: string): 'sms' | 'voice' | 'email' {
  return channel === 'voice' ? 'voice' : channel === 'email' ? 'email' : 'sms';
}

/** POST /u/:uid/verify-otp, verify-oob, verify-recovery and poll: checks the code with the MFA module. */
export async function verify(
  deps: LoginDeps,
  r: LoginRequest,
  state: LoginState,
  action: string,
): Promise<void> {
  const base = { clientId: state.clientId, mfaToken: state.mfaToken };
  const pending = state.pending;
  let result: VerifyResult;
  if (action === 'verify-otp') result = deps.mfa.verifyOtp({ ...base, otp: r.form.otp });
  else if (action === 'verify-recovery')
    result = deps.mfa.verifyRecoveryCode({ ...base, recoveryCode: r.form.recovery_code });
  else if (pending?.kind === 'oob' && action === 'verify-oob') {
    result = deps.mfa.verifyOob({ ...base, oobCode: pending.oobCode, bindingCode: r.form.binding_code });
  } else if (pending?.kind === 'push') result = deps.mfa.verifyOob({ ...base, oobCode: pending.oobCode });
  else return redirect(r.res, `/u/${r.uid}`);
  return applyVerifyResult(deps, r, state, result);
}
