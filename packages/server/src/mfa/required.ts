import { MfaRequiredError, type MfaRequirements } from '../errors/index.js';
import type { ErrorAnswer } from '../http/index.js';
import { isRecord } from '../lib/is-record.js';
import type { MfaSessionBinding, MfaTokenInput } from './types.js';

/**
 * What an mfa token is bound to when the SDK seals it: the audience and scope that were asked for,
 * and the session that asked, when there is one. The client id and issuer are always bound.
 */
export interface MfaBinding {
  audience?: string | undefined;
  scope?: string | undefined;
  session?: MfaSessionBinding | undefined;
}

/** Reads `mfa_requirements` liberally: unknown shapes are dropped rather than trusted. */
export function parseRequirements(value: unknown): MfaRequirements | undefined {
  if (!isRecord(value)) return undefined;
  const list = (v: unknown) =>
    Array.isArray(v)
      ? v.filter(isRecord).flatMap((r) => (typeof r.type === 'string' ? [{ type: r.type }] : []))
      : undefined;
  const out: MfaRequirements = {};
  const challenge = list(value.challenge);
  const enroll = list(value.enroll);
  if (challenge) out.challenge = challenge;
  if (enroll) out.enroll = enroll;
  return out;
}

/**
 * The transport's `onErrorAnswer` hook for MFA: an `mfa_required` answer becomes an
 * `MfaRequiredError` whose token is sealed with `encrypt` and bound to the call's binding, so the raw
 * token never leaves the transport. Any other answer is left to the transport (`undefined`).
 */
export function sealRequiredAnswers(
  encrypt: (input: MfaTokenInput, session: MfaSessionBinding | undefined) => Promise<string>,
): (answer: ErrorAnswer, binding: MfaBinding | undefined) => Promise<MfaRequiredError> | undefined {
  return ({ body, answer }, binding) => {
    if (body.error !== 'mfa_required' || typeof body.mfa_token !== 'string') return undefined;
    const mfaRequirements = parseRequirements(body.mfa_requirements);
    const input = {
      mfaToken: body.mfa_token,
      audience: binding?.audience,
      scope: binding?.scope,
      mfaRequirements,
    };
    return encrypt(input, binding?.session).then(
      (sealed) => new MfaRequiredError(sealed, mfaRequirements, answer),
    );
  };
}
