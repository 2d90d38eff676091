import { RequestError } from '../errors/index.js';
import { isRecord } from '../lib/is-record.js';
import type { Authenticator, Challenge, Enrollment } from './types.js';

type Json = Record<string, unknown>;

/** The error for an MFA API answer that is not the documented shape. */
function malformed(what: string): RequestError {
  return new RequestError('invalid_response', `The MFA API answered ${what} in an unexpected shape`);
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A copy of `value` when it is an array of strings. */
const strings = (value: unknown) =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...value] : undefined;

/** `oob_channel`, or the first of `oob_channels` (some documents show the array form). */
function channelOf(body: Json): string | undefined {
  return str(body.oob_channel) ?? strings(body.oob_channels)?.[0];
}

/** Maps the answer of `GET /mfa/authenticators` to camelCase. */
export function parseAuthenticators(body: unknown): Authenticator[] {
  if (!Array.isArray(body)) throw malformed('the authenticator list');
  return body.map((item) => {
    if (!isRecord(item)) throw malformed('the authenticator list');
    const id = str(item.id);
    const authenticatorType = str(item.authenticator_type);
    if (id === undefined || authenticatorType === undefined) throw malformed('the authenticator list');
    const out: Authenticator = { id, authenticatorType, active: item.active === true };
    const oobChannel = channelOf(item);
    if (oobChannel !== undefined) out.oobChannel = oobChannel;
    const name = str(item.name);
    if (name !== undefined) out.name = name;
    return out;
  });
}

/** Maps the answer of `POST /mfa/associate` to camelCase. */
export function parseEnrollment(body: unknown): Enrollment {
  if (!isRecord(body)) throw malformed('the enrollment');
  const recoveryCodes = strings(body.recovery_codes);
  const barcodeUri = str(body.barcode_uri);
  if (body.authenticator_type === 'otp') {
    const secret = str(body.secret);
    if (secret === undefined || barcodeUri === undefined) throw malformed('the enrollment');
    return { authenticatorType: 'otp', secret, barcodeUri, ...(recoveryCodes && { recoveryCodes }) };
  }
  const oobChannel = channelOf(body);
  if (body.authenticator_type !== 'oob' || oobChannel === undefined) throw malformed('the enrollment');
  const oobCode = str(body.oob_code);
  const bindingMethod = str(body.binding_method);
  return {
    authenticatorType: 'oob',
    oobChannel,
    ...(oobCode !== undefined && { oobCode }),
    ...(bindingMethod !== undefined && { bindingMethod }),
    ...(barcodeUri !== undefined && { barcodeUri }),
    ...(recoveryCodes && { recoveryCodes }),
  };
}

/** Maps the answer of `POST /mfa/challenge` to camelCase. */
export function parseChallenge(body: unknown): Challenge {
  if (!isRecord(body)) throw malformed('the challenge');
  const challengeType = str(body.challenge_type);
  if (challengeType === undefined) throw malformed('the challenge');
  const oobCode = str(body.oob_code);
  const bindingMethod = str(body.binding_method);
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : undefined;
  return {
    challengeType,
    ...(oobCode !== undefined && { oobCode }),
    ...(bindingMethod !== undefined && { bindingMethod }),
    ...(expiresIn !== undefined && { expiresIn }),
  };
}
