/**
 * Out-of-band transactions. Every enrollment or challenge of an oob authenticator gets a fresh oob_code:
 * for sms, voice and email it stands for a 6-digit code delivered to the outbox (the user types it back as
 * `binding_code`); for push it stands for a pending request on the user's (simulated) phone.
 */
import { deliver } from './outbox.js';
import { opaqueToken, sixDigits } from './random.js';
import type { AuthenticatorRecord, MfaState, UserRecord } from './state.js';

/** Authenticators that work out of band. */
export type OobAuthenticator = Extract<AuthenticatorRecord, { kind: 'sms' | 'voice' | 'email' | 'push' }>;

/** Starts an out-of-band transaction: sends a code or raises a push. Returns the new oob_code. */
export function startOob(state: MfaState, user: UserRecord, authenticator: OobAuthenticator): string {
  const oobCode = opaqueToken();
  const base = {
    userId: user.userId,
    authenticatorId: authenticator.id,
    expiresAt: state.options.now() + state.options.oobTtlMs,
  };
  if (authenticator.kind === 'push') {
    state.oob.set(oobCode, { ...base, kind: 'push', state: 'pending' });
    const approve = new URL(`__dev/push/${oobCode}/approve`, withSlash(state.options.baseUrl));
    state.options.log(`[mfa] push to ${user.userId}: answer with POST ${approve.href} (or .../deny)`);
    return oobCode;
  }
  const bindingCode = sixDigits();
  const to = authenticator.kind === 'email' ? authenticator.email : authenticator.phoneNumber;
  state.oob.set(oobCode, { ...base, kind: 'code', channel: authenticator.kind, bindingCode });
  deliver(state, { channel: authenticator.kind, to, code: bindingCode, oob_code: oobCode });
  return oobCode;
}

/** Forgets every outstanding transaction of an authenticator (it was deleted or replaced). */
export function dropOobOf(state: MfaState, authenticatorId: string): void {
  for (const [code, record] of state.oob)
    if (record.authenticatorId === authenticatorId) state.oob.delete(code);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
