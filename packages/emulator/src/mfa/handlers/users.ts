/** Registering users and starting MFA flows for them. */
import type { MfaRequiredBody, MfaUserInput, SeedAuthenticator, SeededUser } from '../types.js';
import { checkTotpSecret, newTotpSecret } from '../totp.js';
import { addAuthenticator, viewOf, type AuthenticatorSpec } from '../model/authenticators.js';
import { seedRecovery } from '../model/recovery.js';
import { ENROLLABLE } from '../model/requirements.js';
import { ensureUser, type MfaState, type UserRecord } from '../model/state.js';
import { issueToken, mfaRequiredBody } from '../model/tokens.js';
import { isE164, isEmail } from '../../lib/addresses.js';
import { argumentError, integer, string } from '../../lib/validate.js';

/**
 * Registers a user with their already-active authenticators. A seeded user also gets an active recovery
 * code. Throws `TypeError` naming the field for invalid input or an id registered twice.
 */
export function addUser(state: MfaState, input: MfaUserInput): SeededUser {
  string(input.userId, 'userId');
  if (state.users.has(input.userId)) throw argumentError(`userId ${input.userId} is already registered`);
  const factorsRequired = integer(input.factorsRequired, 'factorsRequired', 1, {
    min: 1,
    max: ENROLLABLE.length,
  });
  const specs = (input.authenticators ?? []).map((seed, i) => specOf(seed, `authenticators[${i}]`));

  const user: UserRecord = { userId: input.userId, factorsRequired, authenticators: new Map(), failures: 0 };
  if (input.email !== undefined) user.email = input.email;
  state.users.set(user.userId, user);

  const authenticators = specs.map((spec) => {
    const record = addAuthenticator(user, spec, true);
    return spec.kind === 'otp' ? { ...viewOf(record), secret: spec.secret } : viewOf(record);
  });
  if (specs.length === 0) return { userId: user.userId, authenticators };
  return { userId: user.userId, authenticators, recoveryCode: seedRecovery(user) };
}

function specOf(seed: SeedAuthenticator, field: string): AuthenticatorSpec {
  switch (seed.type) {
    case 'otp': {
      const secret = seed.secret ?? newTotpSecret();
      checkTotpSecret(secret, `${field}.secret`);
      return { kind: 'otp', secret };
    }
    case 'sms':
    case 'voice':
      if (!isE164(seed.phone_number))
        throw argumentError(`${field}.phone_number must be in E.164 form, like +15551234567`);
      return { kind: seed.type, phoneNumber: seed.phone_number };
    case 'email':
      if (!isEmail(seed.email)) throw argumentError(`${field}.email must be an email address`);
      return { kind: 'email', email: seed.email };
    case 'push':
      return { kind: 'push' };
  }
}

/**
 * Starts an MFA flow: a new mfa_token for `userId`, bound to `clientId`, carrying the host's `context`.
 * An unknown user is registered on the spot with no authenticators, so they are asked to enroll.
 */
export function issueMfaToken(
  state: MfaState,
  input: { userId: string; clientId: string; context?: unknown },
): { status: 403; body: MfaRequiredBody } {
  string(input.userId, 'userId');
  string(input.clientId, 'clientId');
  const user = ensureUser(state, input.userId);
  const token = issueToken(state, user, input.clientId, input.context);
  return { status: 403, body: mfaRequiredBody(token, user, []) };
}
