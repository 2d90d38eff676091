import type { MfaRequirement } from '../errors/index.js';

/** A factor `enrollAuthenticator` can enroll. */
export type FactorType = 'otp' | 'sms' | 'voice' | 'email' | 'push';

/** The factor kinds, as `mfa_requirements` names them and as the MFA API's authenticators express them. */
interface FactorShape {
  requirement: string;
  authenticatorType: 'otp' | 'oob' | 'recovery-code';
  oobChannel?: string;
}

/**
 * THE mapping between requirement types (`mfa_requirements`), enrollable factors and authenticator
 * types/channels. Every other function here reads it; nothing else in the SDK spells these pairs.
 */
const FACTORS: Record<FactorType | 'recovery-code', FactorShape> = {
  otp: { requirement: 'otp', authenticatorType: 'otp' },
  sms: { requirement: 'phone', authenticatorType: 'oob', oobChannel: 'sms' },
  voice: { requirement: 'phone', authenticatorType: 'oob', oobChannel: 'voice' },
  email: { requirement: 'email', authenticatorType: 'oob', oobChannel: 'email' },
  push: { requirement: 'push-notification', authenticatorType: 'oob', oobChannel: 'auth0' },
  'recovery-code': { requirement: 'recovery-code', authenticatorType: 'recovery-code' },
};

const ENROLLABLE: readonly FactorType[] = ['otp', 'sms', 'voice', 'email', 'push'];

/** Whether `value` names a factor `enrollAuthenticator` accepts. */
export function isFactorType(value: unknown): value is FactorType {
  return ENROLLABLE.some((f) => f === value);
}

/** The authenticator type and OOB channel `POST /mfa/associate` expects for a factor. */
export function associationOf(factor: FactorType): { authenticatorType: 'otp' | 'oob'; oobChannel?: string } {
  const shape = FACTORS[factor];
  return shape.oobChannel === undefined
    ? { authenticatorType: 'otp' }
    : { authenticatorType: 'oob', oobChannel: shape.oobChannel };
}

/**
 * The requirement type (`otp`, `phone`, `email`, `push-notification`, `recovery-code`) an
 * authenticator satisfies, or `undefined` for a kind this SDK does not know.
 */
export function requirementOf(authenticator: {
  authenticatorType: string;
  oobChannel?: string | undefined;
}): string | undefined {
  const match = Object.values(FACTORS).find(
    (shape) =>
      shape.authenticatorType === authenticator.authenticatorType &&
      (shape.authenticatorType !== 'oob' || shape.oobChannel === authenticator.oobChannel),
  );
  return match?.requirement;
}

/**
 * Keeps the authenticators that satisfy one of `requirements`; with no requirements (or an empty
 * list) keeps them all, since the server then said nothing to narrow by.
 */
export function filterByRequirements<
  T extends { authenticatorType: string; oobChannel?: string | undefined },
>(authenticators: readonly T[], requirements: readonly MfaRequirement[] | undefined): T[] {
  if (!requirements || requirements.length === 0) return [...authenticators];
  const wanted = new Set(requirements.map((r) => r.type));
  return authenticators.filter((a) => {
    const requirement = requirementOf(a);
    return requirement !== undefined && wanted.has(requirement);
  });
}

/**
 * The factors `enrollAuthenticator` can enroll to satisfy a requirement type: `phone` gives `sms`
 * and `voice`; `recovery-code` and unknown types (WebAuthn) give none.
 */
export function factorsFor(requirement: string): FactorType[] {
  return ENROLLABLE.filter((f) => FACTORS[f].requirement === requirement);
}
