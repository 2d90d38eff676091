/** `mfa_requirements`: what the user can be challenged with, or must enroll, at this point of a flow. */
import type { MfaRequirements, RequirementType } from '../types.js';
import { factorAuthenticators, factorOf, type UserRecord } from './state.js';

/** Every factor a user may enroll, in the order Auth0's dashboard lists them. */
export const ENROLLABLE: readonly RequirementType[] = ['otp', 'phone', 'email', 'push-notification'];

/**
 * The requirements of a user who has verified `verified` factors in the current flow.
 *
 * - No active factor: `enroll` with every factor.
 * - Active factors not yet verified in this flow: `challenge` with them, plus `recovery-code` while the
 *   user has an active one (it stands in for a lost device, never on its own).
 * - Every active factor already verified (chained MFA needs more): `enroll` with the factors left.
 */
export function computeRequirements(user: UserRecord, verified: readonly RequirementType[]): MfaRequirements {
  const active = factorAuthenticators(user).filter((a) => a.active);
  if (active.length === 0) return { enroll: ENROLLABLE.map((type) => ({ type })) };

  const challenge: RequirementType[] = [];
  for (const authenticator of active) {
    const type = factorOf(authenticator.kind);
    if (!verified.includes(type) && !challenge.includes(type)) challenge.push(type);
  }
  if (challenge.length > 0) {
    const recovery = [...user.authenticators.values()].some((a) => a.kind === 'recovery-code' && a.active);
    if (recovery && !verified.includes('recovery-code')) challenge.push('recovery-code');
    return { challenge: challenge.map((type) => ({ type })) };
  }

  const enrolled = new Set(active.map((a) => factorOf(a.kind)));
  return { enroll: ENROLLABLE.filter((type) => !enrolled.has(type)).map((type) => ({ type })) };
}

/**
 * Whether the flow stands at an `enroll` requirement. Only then may an unconfirmed authenticator answer
 * it, and only then may an mfa_token enroll one: a user with active factors left to challenge must pass
 * one of them, or the password alone would let an attacker add and use a factor of their own.
 */
export function enrolling(user: UserRecord, verified: readonly RequirementType[]): boolean {
  return 'enroll' in computeRequirements(user, verified);
}
