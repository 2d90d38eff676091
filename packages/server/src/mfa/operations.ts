import type { Transport } from '../http/index.js';
import { associationOf, factorsFor, filterByRequirements, type FactorType } from './factors.js';
import type { ChallengeOptions, EnrollFactorOptions } from './options.js';
import type { Authenticator, Challenge, Enrollment, MfaTokenContext } from './types.js';
import { parseAuthenticators, parseChallenge, parseEnrollment } from './wire.js';

/** `GET /mfa/authenticators` with the raw token as Bearer, narrowed to what the challenge asks for. */
export async function listAuthenticators(
  transport: Transport,
  context: MfaTokenContext,
): Promise<Authenticator[]> {
  const body = await transport.json('/mfa/authenticators', { method: 'GET', bearer: context.mfaToken });
  return filterByRequirements(parseAuthenticators(body), context.mfaRequirements?.challenge);
}

/** A requirement type from `mfa_requirements.enroll`, with the factors that satisfy it. */
export interface EnrollmentFactor {
  /** The requirement type: `otp`, `phone`, `email`, `push-notification`, ... */
  type: string;
  /** The `factorType`s of `enrollAuthenticator` that satisfy `type` (none for WebAuthn). */
  factorTypes: FactorType[];
}

/** Reads `mfa_requirements.enroll`; no network. */
export function enrollmentFactors(context: MfaTokenContext): EnrollmentFactor[] {
  return (context.mfaRequirements?.enroll ?? []).map((r) => ({
    type: r.type,
    factorTypes: factorsFor(r.type),
  }));
}

/** `POST /mfa/associate` with the raw token as Bearer and the client's authentication. */
export async function enroll(
  transport: Transport,
  context: MfaTokenContext,
  options: Omit<EnrollFactorOptions, 'mfaToken'>,
): Promise<Enrollment> {
  const { authenticatorType, oobChannel } = associationOf(options.factorType);
  const body: Record<string, unknown> = { authenticator_types: [authenticatorType] };
  if (oobChannel !== undefined) body.oob_channels = [oobChannel];
  if (options.phoneNumber !== undefined) body.phone_number = options.phoneNumber;
  if (options.email !== undefined) body.email = options.email;
  const answer = await transport.json('/mfa/associate', {
    method: 'POST',
    bearer: context.mfaToken,
    authenticate: true,
    body,
  });
  return parseEnrollment(answer);
}

/** `POST /mfa/challenge` with the raw token in the body and the client's authentication. */
export async function challenge(
  transport: Transport,
  context: MfaTokenContext,
  options: Omit<ChallengeOptions, 'mfaToken'>,
): Promise<Challenge> {
  const body: Record<string, unknown> = {
    mfa_token: context.mfaToken,
    challenge_type: options.challengeType,
  };
  if (options.authenticatorId !== undefined) body.authenticator_id = options.authenticatorId;
  const answer = await transport.json('/mfa/challenge', { method: 'POST', authenticate: true, body });
  return parseChallenge(answer);
}

/** `DELETE /mfa/authenticators/{id}` with an access token for the MFA API. */
export async function removeAuthenticator(
  transport: Transport,
  authenticatorId: string,
  accessToken: string,
): Promise<void> {
  await transport.json(`/mfa/authenticators/${encodeURIComponent(authenticatorId)}`, {
    method: 'DELETE',
    bearer: accessToken,
  });
}

/** The audience of Auth0's MFA API for this issuer: `https://{domain}/mfa/`. */
export function mfaApiAudience(transport: Transport): string {
  return new URL('mfa/', transport.issuer).href;
}
