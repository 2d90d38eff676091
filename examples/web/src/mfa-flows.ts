import { randomBytes } from 'node:crypto';
import type { MfaRequirements } from 'auth0-server-ts';

/** The code-entry channels: an authenticator app, or a code sent by SMS, voice call or email. */
export type CodeChannel = 'otp' | 'sms' | 'voice' | 'email';

/** The step a user is on inside one MFA flow. */
export type MfaStep =
  | { kind: 'otp-enroll'; secret: string; barcodeUri: string }
  | { kind: 'code'; channel: CodeChannel; oobCode?: string; enrolling: boolean }
  | { kind: 'push'; oobCode: string; enrolling: boolean }
  | { kind: 'recovery' };

/** One step-up in progress: the encrypted mfa token from MfaRequiredError and where to go when done. */
export interface MfaFlow {
  readonly id: string;
  /** Encrypted and bound to the session by the SDK; the raw token never reaches this app's memory. */
  mfaToken: string;
  requirements: MfaRequirements | undefined;
  /** A same-origin path, chosen by the app (never taken from the request). */
  returnTo: string;
  step?: MfaStep;
  /** A recovery code from the first enrollment, kept to show once after the factor is verified. */
  pendingRecoveryCode?: string;
  /** Set once verified: the flow then only shows the recovery code (if any) and moves on. */
  done?: { recoveryCode?: string };
  readonly expiresAt: number;
}

/** The cookie that names the flow; its value is a random id, not the token. */
export const FLOW_COOKIE = 'demo_mfa';
/** As long as the emulator's (and Auth0's) mfa_token lives. */
export const FLOW_TTL_SECONDS = 600;
const MAX_FLOWS = 10_000;

/**
 * Step-up flows kept on the server, so the encrypted mfa token stays out of URLs and pages. In memory:
 * a demo runs one process; a deployment would keep them in its session store.
 */
export class MfaFlows {
  readonly #flows = new Map<string, MfaFlow>();

  create(init: { mfaToken: string; requirements: MfaRequirements | undefined; returnTo: string }): MfaFlow {
    this.#sweep();
    const flow: MfaFlow = {
      id: randomBytes(18).toString('base64url'),
      ...init,
      expiresAt: Date.now() + FLOW_TTL_SECONDS * 1000,
    };
    this.#flows.set(flow.id, flow);
    return flow;
  }

  get(id: string | undefined): MfaFlow | undefined {
    if (!id) return undefined;
    const flow = this.#flows.get(id);
    if (flow && flow.expiresAt <= Date.now()) {
      this.#flows.delete(id);
      return undefined;
    }
    return flow;
  }

  delete(id: string): void {
    this.#flows.delete(id);
  }

  // Expired flows go first; past the cap the oldest go too, so a client minting flows cannot grow memory.
  #sweep(): void {
    const now = Date.now();
    for (const [id, flow] of this.#flows) if (flow.expiresAt <= now) this.#flows.delete(id);
    while (this.#flows.size >= MAX_FLOWS) {
      const oldest = this.#flows.keys().next().value;
      if (oldest === undefined) break;
      this.#flows.delete(oldest);
    }
  }
}
