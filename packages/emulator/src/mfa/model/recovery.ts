/**
 * The recovery code: one per user, shown once when the user first enrolls, active from the moment that
 * enrollment is confirmed, consumed by the mfa-recovery-code grant and replaced by a new one.
 */
import { authenticatorId, recoveryCode } from './random.js';
import type { AuthenticatorRecord, UserRecord } from './state.js';

type RecoveryRecord = Extract<AuthenticatorRecord, { kind: 'recovery-code' }>;

/** The user's recovery-code authenticator, if any. */
export function recoveryOf(user: UserRecord): RecoveryRecord | undefined {
  for (const authenticator of user.authenticators.values()) {
    if (authenticator.kind === 'recovery-code') return authenticator;
  }
  return undefined;
}

/**
 * The code to return as `recovery_codes` from an enrollment, or `undefined` when the user already has an
 * active one. Until the first enrollment is confirmed the same pending code is returned again, so a user
 * who abandoned a first attempt is not left with a code they never saw.
 */
export function recoveryForEnrollment(user: UserRecord): string | undefined {
  const existing = recoveryOf(user);
  if (existing?.active) return undefined;
  if (existing) return existing.code;
  const created: RecoveryRecord = {
    id: authenticatorId('recovery-code'),
    kind: 'recovery-code',
    active: false,
    code: recoveryCode(),
  };
  user.authenticators.set(created.id, created);
  return created.code;
}

/** Issues an active recovery code to a user configured with authenticators, who never enrolls. */
export function seedRecovery(user: UserRecord): string {
  const code = recoveryForEnrollment(user) ?? rotateRecovery(user);
  activateRecovery(user);
  return code;
}

/** Makes a pending recovery code usable; called when the user's first enrollment is confirmed. */
export function activateRecovery(user: UserRecord): void {
  const existing = recoveryOf(user);
  if (existing) existing.active = true;
}

/** Whether `input` is the user's active recovery code (case, spaces and dashes ignored). */
export function matchesRecovery(user: UserRecord, input: string): boolean {
  const existing = recoveryOf(user);
  return existing?.active === true && normalize(input) === existing.code;
}

/** Replaces the user's recovery code with a new one and returns it. */
export function rotateRecovery(user: UserRecord): string {
  const existing = recoveryOf(user);
  const code = recoveryCode();
  if (existing) existing.code = code;
  return code;
}

function normalize(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
