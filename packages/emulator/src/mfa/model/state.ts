/**
 * The in-memory records behind the MFA API. One {@link MfaState} per service; the handlers are functions
 * over it so they can be tested and hosted without the facade class.
 */
import type { AuthenticatorKind, OutboxEntry, RequirementType } from '../types.js';

interface AuthenticatorBase {
  id: string;
  /** False until the first successful MFA grant with it (Auth0 "confirms" an enrollment that way). */
  active: boolean;
}

/** One enrolled (or pending) authenticator of a user. */
export type AuthenticatorRecord =
  | (AuthenticatorBase & { kind: 'otp'; secret: string; lastTimeStep?: number })
  | (AuthenticatorBase & { kind: 'sms' | 'voice'; phoneNumber: string })
  | (AuthenticatorBase & { kind: 'email'; email: string })
  | (AuthenticatorBase & { kind: 'push' })
  | (AuthenticatorBase & { kind: 'recovery-code'; code: string });

/** An authenticator that is a factor of its own (everything but the recovery code). */
export type FactorRecord = Exclude<AuthenticatorRecord, { kind: 'recovery-code' }>;

/** A user and their authenticators, in enrollment order. */
export interface UserRecord {
  userId: string;
  email?: string;
  factorsRequired: number;
  authenticators: Map<string, AuthenticatorRecord>;
  /** Wrong codes since the last success or lockout. */
  failures: number;
  /** While set and in the future, every MFA grant answers `too_many_attempts`. */
  lockedUntil?: number;
}

/** An issued mfa_token: who it is for, which client may use it and what the flow has verified so far. */
export interface MfaTokenRecord {
  userId: string;
  clientId: string;
  context: unknown;
  expiresAt: number;
  /** Factor types already verified in this (chained) flow. */
  verified: RequirementType[];
  /** amr values of the factors already verified, in order. */
  amr: string[];
  /** A new recovery code issued earlier in this chained flow, to hand out when the flow completes. */
  recoveryCode?: string;
}

/** The state of a push challenge, driven by the user's (simulated) phone. */
export type PushState = 'pending' | 'approved' | 'denied';

/** An outstanding oob_code: a sent code awaiting `binding_code`, or a push awaiting the user's answer. */
export type OobRecord = {
  userId: string;
  authenticatorId: string;
  expiresAt: number;
} & (
  | { kind: 'code'; channel: 'sms' | 'voice' | 'email'; bindingCode: string }
  | { kind: 'push'; state: PushState; lastPollAt?: number }
);

/** Options with their defaults applied, durations in milliseconds. */
export interface ResolvedOptions {
  tenant: string;
  baseUrl: string;
  log: (line: string) => void;
  now: () => number;
  pushIntervalMs: number;
  oobTtlMs: number;
  mfaTokenTtlMs: number;
  maxAttempts: number;
  lockoutMs: number;
}

/** Everything the MFA module remembers. */
export interface MfaState {
  readonly options: ResolvedOptions;
  readonly users: Map<string, UserRecord>;
  readonly tokens: Map<string, MfaTokenRecord>;
  readonly oob: Map<string, OobRecord>;
  readonly outbox: OutboxEntry[];
}

/** An empty state. */
export function createState(options: ResolvedOptions): MfaState {
  return { options, users: new Map(), tokens: new Map(), oob: new Map(), outbox: [] };
}

/**
 * The user's record, registered on the spot with no authenticators when the module has not seen them:
 * any user the host authenticates may meet an MFA requirement, configured for MFA or not.
 */
export function ensureUser(state: MfaState, userId: string): UserRecord {
  const known = state.users.get(userId);
  if (known) return known;
  const user: UserRecord = { userId, factorsRequired: 1, authenticators: new Map(), failures: 0 };
  state.users.set(userId, user);
  return user;
}

/** The requirement type (the "factor") an authenticator kind belongs to. */
export function factorOf(kind: AuthenticatorKind): RequirementType {
  switch (kind) {
    case 'otp':
      return 'otp';
    case 'sms':
    case 'voice':
      return 'phone';
    case 'email':
      return 'email';
    case 'push':
      return 'push-notification';
    case 'recovery-code':
      return 'recovery-code';
  }
}

/** The amr value recorded for a factor: RFC 8176 names where one exists (`tel` for a voice call). */
export function amrOf(kind: AuthenticatorKind): string {
  return kind === 'voice' ? 'tel' : kind;
}

/** The user's authenticators that count as factors (everything but the recovery code). */
export function factorAuthenticators(user: UserRecord): FactorRecord[] {
  return [...user.authenticators.values()].filter((a): a is FactorRecord => a.kind !== 'recovery-code');
}

/** Whether the user has at least one active factor (the recovery code does not count). */
export function hasActiveFactor(user: UserRecord): boolean {
  return factorAuthenticators(user).some((a) => a.active);
}
