/** Creating authenticator records and showing them the way `GET /mfa/authenticators` does. */
import type { AuthenticatorView } from '../types.js';
import { authenticatorId } from './random.js';
import type { AuthenticatorRecord, FactorRecord, UserRecord } from './state.js';

/** What an authenticator is made from, before it has an id. */
export type AuthenticatorSpec =
  | { kind: 'otp'; secret: string }
  | { kind: 'sms' | 'voice'; phoneNumber: string }
  | { kind: 'email'; email: string }
  | { kind: 'push' };

// Auth0's id prefixes: the otp factor is called "totp" in ids.
const PREFIX = { otp: 'totp', sms: 'sms', voice: 'voice', email: 'email', push: 'push' } as const;

/** Adds an authenticator to the user and returns it. */
export function addAuthenticator(user: UserRecord, spec: AuthenticatorSpec, active: boolean): FactorRecord {
  const record: FactorRecord = { ...spec, id: authenticatorId(PREFIX[spec.kind]), active };
  user.authenticators.set(record.id, record);
  return record;
}

/** The public view of an authenticator; phone numbers and addresses are masked as Auth0 masks them. */
export function viewOf(authenticator: AuthenticatorRecord): AuthenticatorView {
  const { id, active } = authenticator;
  switch (authenticator.kind) {
    case 'otp':
      return { id, authenticator_type: 'otp', active };
    case 'recovery-code':
      return { id, authenticator_type: 'recovery-code', active };
    case 'push':
      return { id, authenticator_type: 'oob', active, oob_channel: 'auth0' };
    case 'email':
      return {
        id,
        authenticator_type: 'oob',
        active,
        oob_channel: 'email',
        name: maskEmail(authenticator.email),
      };
    case 'sms':
    case 'voice':
      return {
        id,
        authenticator_type: 'oob',
        active,
        oob_channel: authenticator.kind,
        name: maskPhone(authenticator.phoneNumber),
      };
  }
}

function maskPhone(phone: string): string {
  return `${'X'.repeat(Math.max(0, phone.length - 4))}${phone.slice(-4)}`;
}

function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
