import { randomBytes } from 'node:crypto';

/** How long a passkey challenge can be answered: Auth0's creation/request options carry the same timeout. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

/** The profile a sign-up challenge was asked for (Auth0's `user_profile`). */
export interface SignupProfile {
  email: string;
  name?: string;
  username?: string;
  given_name?: string;
  family_name?: string;
  nickname?: string;
  picture?: string;
  phone_number?: string;
}

/** A challenge waiting for its WebAuthn answer, kept on the server under its `auth_session`. */
export type PendingChallenge =
  | {
      kind: 'signup';
      clientId: string;
      challenge: string;
      expiresAt: number;
      profile: SignupProfile;
      /** The WebAuthn user handle the creation options carried (base64url). */
      userHandle: string;
      userMetadata?: Record<string, unknown>;
      /** The id of the organization the sign-up joins and logs in to. */
      organization?: string;
    }
  | {
      kind: 'login';
      clientId: string;
      challenge: string;
      expiresAt: number;
      /** The id of the organization the login is for (the user must be a member). */
      organization?: string;
    };

/**
 * The passkey challenges in flight: each under an unguessable `auth_session`, answerable once, by the
 * client that asked for it, before it expires.
 */
export class PasskeyChallenges {
  readonly #pending = new Map<string, PendingChallenge>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps a challenge; returns its `auth_session`. */
  open(
    challenge: PendingChallenge extends infer C
      ? C extends PendingChallenge
        ? Omit<C, 'expiresAt'>
        : never
      : never,
  ): string {
    this.#sweep();
    const authSession = randomBytes(24).toString('base64url');
    this.#pending.set(authSession, { ...challenge, expiresAt: this.now() + CHALLENGE_TTL_MS });
    return authSession;
  }

  /** Takes the challenge of `authSession` for `clientId` (it cannot be answered twice); undefined when unknown, another client's or expired. */
  take(authSession: string, clientId: string): PendingChallenge | undefined {
    const pending = this.#pending.get(authSession);
    if (!pending || pending.clientId !== clientId) return undefined;
    this.#pending.delete(authSession);
    return pending.expiresAt > this.now() ? pending : undefined;
  }

  #sweep(): void {
    const now = this.now();
    for (const [key, pending] of this.#pending) if (pending.expiresAt <= now) this.#pending.delete(key);
  }
}
