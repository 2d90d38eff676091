import { argumentError, nonNegativeNumber, requireString } from '../lib/validate.js';
import { isFactorType, type FactorType } from './factors.js';
import type { MfaCredential } from './grant.js';
import type {
  EnrollFactorOptions,
  EnrollOptions,
  OobChannel,
  PeerEnrollOptions,
  VerifyOptions,
  WaitForApprovalOptions,
} from './options.js';

/** An E.164 phone number: `+`, a country code and up to 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The factor `enrollAuthenticator` was asked for, with the contact detail that factor needs and no
 * other.
 *
 * @throws {TypeError} naming `factorType`, `phoneNumber` (E.164, only for sms and voice) or `email`
 *   (only for email).
 */
export function enrollmentOf(options: EnrollOptions): Omit<EnrollFactorOptions, 'mfaToken'> {
  const factorType =
    options !== null && typeof options === 'object' && 'authenticatorTypes' in options
      ? peerFactorOf(options)
      : factorTypeOf(options?.factorType);
  const { phoneNumber, email } = options;
  if (factorType === 'sms' || factorType === 'voice') {
    if (typeof phoneNumber !== 'string' || !E164.test(phoneNumber)) {
      throw argumentError('"phoneNumber" must be an E.164 number such as +14155550100');
    }
  } else if (phoneNumber !== undefined) {
    throw argumentError(`"phoneNumber" is only for sms and voice, not ${factorType}`);
  }
  if (factorType === 'email') {
    // Absent, the server enrolls the user's own address (as the peer and the MFA API allow).
    if (email !== undefined && (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email))) {
      throw argumentError('"email" must be an email address');
    }
  } else if (email !== undefined) {
    throw argumentError(`"email" is only for the email factor, not ${factorType}`);
  }
  return {
    factorType,
    ...(phoneNumber !== undefined && { phoneNumber }),
    ...(email !== undefined && { email }),
  };
}

const CHANNEL_FACTORS = { sms: 'sms', voice: 'voice', email: 'email', auth0: 'push' } as const;

/**
 * The factor the peer's `{ authenticatorTypes, oobChannels }` names: `['otp']`, or `['oob']` with
 * one channel of `sms`, `voice`, `email` or `auth0` (push).
 */
function peerFactorOf(options: PeerEnrollOptions): FactorType {
  const types: unknown = options.authenticatorTypes;
  const channels: unknown = options.oobChannels;
  const type = Array.isArray(types) && types.length === 1 ? types[0] : undefined;
  if (type === 'otp') {
    if (channels !== undefined) throw argumentError('"oobChannels" is only for authenticatorTypes ["oob"]');
    return 'otp';
  }
  if (type !== 'oob') throw argumentError('"authenticatorTypes" must be ["otp"] or ["oob"]');
  const channel = Array.isArray(channels) && channels.length === 1 ? channels[0] : undefined;
  if (!isChannel(channel)) {
    throw argumentError('"oobChannels" must be one of ["sms"], ["voice"], ["email"] or ["auth0"] (push)');
  }
  return CHANNEL_FACTORS[channel];
}

const isChannel = (value: unknown): value is OobChannel =>
  typeof value === 'string' && Object.hasOwn(CHANNEL_FACTORS, value);

/** `value` as a factor `enrollAuthenticator` can enroll. */
export function factorTypeOf(value: unknown): FactorType {
  if (!isFactorType(value)) throw argumentError('"factorType" must be one of otp, sms, voice, email, push');
  return value;
}

/** `value` as the `challengeType` of `challengeAuthenticator`. */
export function challengeTypeOf(value: unknown): 'otp' | 'oob' {
  if (value !== 'otp' && value !== 'oob') throw argumentError('"challengeType" must be "otp" or "oob"');
  return value;
}

/**
 * The second factor `verify` was given: exactly one of an OTP, an OOB code (with its optional
 * binding code) or a recovery code.
 *
 * @throws {TypeError} unless exactly one is given, naming the field that is not a non-empty string;
 *   naming `audience` or `scope` when an override is given and is not a non-empty string.
 */
export function credentialOf(options: VerifyOptions): MfaCredential {
  for (const field of ['audience', 'scope'] as const) {
    if (options?.[field] !== undefined) requireString(options[field], field);
  }
  const given = (['otp', 'oobCode', 'recoveryCode'] as const).filter((f) => options?.[f] !== undefined);
  if (given.length !== 1) {
    throw argumentError('exactly one of "otp", "oobCode" or "recoveryCode" must be given');
  }
  const factorType = { otp: 'otp', oobCode: 'oob', recoveryCode: 'recovery-code' }[given[0] ?? 'otp'];
  if (options.factorType !== undefined && options.factorType !== factorType) {
    throw argumentError(`"factorType" must be "${factorType}" with "${given[0] ?? 'otp'}"`);
  }
  if (options.otp !== undefined) {
    requireString(options.otp, 'otp');
    return { kind: 'otp', otp: options.otp };
  }
  if (options.oobCode !== undefined) {
    requireString(options.oobCode, 'oobCode');
    if (options.bindingCode !== undefined) requireString(options.bindingCode, 'bindingCode');
    return { kind: 'oob', oobCode: options.oobCode, bindingCode: options.bindingCode };
  }
  requireString(options.recoveryCode, 'recoveryCode');
  return { kind: 'recoveryCode', recoveryCode: options.recoveryCode };
}

/**
 * Checks the options of `waitForApproval` that the poll loop trusts.
 *
 * @throws {TypeError} naming `oobCode`, `intervalMs` or `timeoutMs`.
 */
export function checkPollOptions(options: WaitForApprovalOptions): void {
  requireString(options?.oobCode, 'oobCode');
  for (const field of ['intervalMs', 'timeoutMs'] as const) {
    nonNegativeNumber(options[field], field, 0, 'milliseconds');
  }
}
