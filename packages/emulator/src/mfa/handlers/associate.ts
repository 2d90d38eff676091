/** `POST /mfa/associate`: enrolling a new authenticator, pending until its first successful MFA grant. */
import type { HandlerResult } from '../types.js';
import { newTotpSecret, otpauthLabel, otpauthUri } from '../totp.js';
import { addAuthenticator, type AuthenticatorSpec } from '../model/authenticators.js';
import { dropOobOf, startOob } from '../model/oob.js';
import { opaqueToken } from '../model/random.js';
import { recoveryForEnrollment } from '../model/recovery.js';
import { enrolling } from '../model/requirements.js';
import { asHandlerResult, invalidBearer, invalidRequest, json, oauthError } from '../model/responses.js';
import { ensureUser, factorAuthenticators, type MfaState, type UserRecord } from '../model/state.js';
import { lookupToken, tokenBearerError } from '../model/tokens.js';
import { isE164, isEmail } from '../../lib/addresses.js';
import { asRecord, stringField, stringListField } from '../model/validate.js';

/**
 * Who enrolls: the authenticated client plus either the bearer mfa_token, or the user of an access token
 * for the MFA API with scope `enroll` that the host verified.
 */
export interface AssociateAuth {
  clientId: string;
  mfaToken?: string;
  userId?: string;
}

/**
 * Enrolls an authenticator and answers Auth0's shapes: otp with `secret` and `barcode_uri`; sms, voice and
 * email with `oob_code` and `binding_method: "prompt"` (the first code is sent at once); push with
 * `oob_code` and an enrollment `barcode_uri`. `recovery_codes` is added until the user's first enrollment is
 * confirmed. An mfa_token may only enroll while its flow asks to enroll (403 `access_denied` "User is
 * already enrolled." otherwise): a user without an active factor, or a chained flow that verified every
 * active factor and needs more.
 * Earlier unconfirmed enrollments of the user are discarded.
 */
export function associate(state: MfaState, auth: AssociateAuth, body: unknown): HandlerResult {
  const who = resolveUser(state, auth);
  if ('status' in who) return who;
  const parsed = parseBody(body, who);
  if (typeof parsed === 'string') return asHandlerResult(invalidRequest(parsed));

  for (const pending of factorAuthenticators(who).filter((a) => !a.active)) {
    who.authenticators.delete(pending.id);
    dropOobOf(state, pending.id);
  }
  const authenticator = addAuthenticator(who, parsed, false);
  const recovery = recoveryForEnrollment(who);
  const recoveryCodes = recovery === undefined ? {} : { recovery_codes: [recovery] };
  const account = who.email ?? who.userId;

  if (authenticator.kind === 'otp') {
    const { secret } = authenticator;
    const barcode_uri = otpauthUri(state.options.tenant, account, secret);
    return json(200, { authenticator_type: 'otp', secret, barcode_uri, ...recoveryCodes });
  }
  const oob_code = startOob(state, who, authenticator);
  if (authenticator.kind === 'push') {
    return json(200, {
      authenticator_type: 'oob',
      oob_channel: 'auth0',
      oob_code,
      barcode_uri: pushEnrollmentUri(state, account),
      ...recoveryCodes,
    });
  }
  return json(200, {
    authenticator_type: 'oob',
    oob_channel: authenticator.kind,
    oob_code,
    binding_method: 'prompt',
    ...recoveryCodes,
  });
}

function resolveUser(state: MfaState, auth: AssociateAuth): UserRecord | HandlerResult {
  if (auth.mfaToken !== undefined) {
    const found = lookupToken(state, auth.mfaToken, auth.clientId);
    if (!found.ok) return asHandlerResult(tokenBearerError(found.problem));
    if (!enrolling(found.user, found.record.verified)) {
      return asHandlerResult(oauthError(403, 'access_denied', 'User is already enrolled.'));
    }
    return found.user;
  }
  if (auth.userId !== undefined) return ensureUser(state, auth.userId);
  return asHandlerResult(invalidBearer('A bearer token is required'));
}

/** The authenticator to create, or the `invalid_request` description naming the faulty field. */
function parseBody(body: unknown, user: UserRecord): AuthenticatorSpec | string {
  const fields = asRecord(body);
  if (!fields) return 'The request body must be a JSON object';
  const types = stringListField(fields, 'authenticator_types');
  if (!types || types.length !== 1 || (types[0] !== 'otp' && types[0] !== 'oob')) {
    return 'authenticator_types must be ["otp"] or ["oob"]';
  }
  if (types[0] === 'otp') return { kind: 'otp', secret: newTotpSecret() };

  // Some documents spell it oob_channel (one string); accept both.
  const channels = stringListField(fields, 'oob_channels') ?? stringListField(fields, 'oob_channel');
  const channel = channels?.length === 1 ? channels[0] : undefined;
  switch (channel) {
    case 'sms':
    case 'voice': {
      const phone = stringField(fields, 'phone_number');
      if (phone === undefined) return `phone_number is required for the ${channel} channel`;
      if (phone === null || !isE164(phone)) return 'phone_number must be in E.164 form, like +15551234567';
      return { kind: channel, phoneNumber: phone };
    }
    case 'email': {
      const given = stringField(fields, 'email');
      const email = given === undefined ? user.email : given;
      if (email === undefined) return 'email is required for the email channel';
      if (email === null || !isEmail(email)) return 'email must be an email address';
      return { kind: 'email', email };
    }
    case 'auth0':
      return { kind: 'push' };
    default:
      return 'oob_channels must be one of ["sms"], ["voice"], ["email"] or ["auth0"]';
  }
}

/** The Guardian enrollment URI: the app learns where to register (`base_url`) and which enrollment it completes. */
function pushEnrollmentUri(state: MfaState, account: string): string {
  const label = otpauthLabel(state.options.tenant, account);
  const query = new URLSearchParams({ enrollment_tx_id: opaqueToken(), base_url: state.options.baseUrl });
  return `otpauth://totp/${label}?${query.toString()}`;
}
