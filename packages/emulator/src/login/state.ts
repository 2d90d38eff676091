import type { MfaRequirements } from '../mfa/index.js';

/** A factor the user is in the middle of enrolling or answering. */
export type PendingFactor =
  | { kind: 'otp'; enrolling: boolean; secret?: string; barcodeUri?: string }
  | { kind: 'oob'; channel: 'sms' | 'voice' | 'email'; oobCode: string }
  | { kind: 'push'; oobCode: string }
  | { kind: 'recovery-code' };

/** Where one browser login stands after the password was accepted. */
export interface LoginState {
  userId: string;
  clientId: string;
  /** The organization (id) the login is for, once settled. */
  organization?: string;
  /** Kept on the server only: an mfa_token is bearer-equivalent and never reaches the browser. */
  mfaToken?: string;
  requirements?: MfaRequirements;
  pending?: PendingFactor;
  /** A recovery code to show once before the login completes. */
  recoveryCode?: string;
  /** Set once every factor passed; the login finishes after the recovery code (if any) was shown. */
  done?: { amr: string[] };
}

/** Login progress per interaction uid; an interaction lives an hour, and so may its entry. */
export class LoginStates {
  readonly #states = new Map<string, { state: LoginState; expires: number }>();

  /** The login's progress, or `undefined` before the password step or once it expired. */
  get(uid: string): LoginState | undefined {
    const entry = this.#states.get(uid);
    if (!entry || entry.expires < Date.now()) {
      this.#states.delete(uid);
      return undefined;
    }
    return entry.state;
  }

  /** Records the login's progress for the lifetime of its interaction. */
  set(uid: string, state: LoginState): void {
    this.#states.set(uid, { state, expires: Date.now() + 3_600_000 });
  }

  /** Forgets a finished login. */
  delete(uid: string): void {
    this.#states.delete(uid);
  }
}
