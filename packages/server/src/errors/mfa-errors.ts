import { Auth0Error, type ServerAnswer } from './auth0-error.js';

/** A factor type the server asks for, as found in `mfa_requirements`. */
export interface MfaRequirement {
  type: string;
}

/** What the server said the user must do: challenge an enrolled factor, or enroll one. */
export interface MfaRequirements {
  challenge?: MfaRequirement[];
  enroll?: MfaRequirement[];
}

/**
 * The authorization server requires multi-factor authentication before it issues the requested
 * tokens. `mfaToken` is the SDK-encrypted token (bound to this client and, when there is one, to the
 * session): pass it as it is to the `client.mfa` methods. The raw token never leaves the server side.
 */
export class MfaRequiredError extends Auth0Error {
  readonly code = 'mfa_required' as const;
  /** The encrypted, expiring, bound mfa token; safe to carry through the browser. */
  readonly mfaToken: string;
  readonly mfaRequirements: MfaRequirements | undefined;

  constructor(mfaToken: string, mfaRequirements: MfaRequirements | undefined, answer: ServerAnswer = {}) {
    super('The authorization server requires multi-factor authentication', {
      error: 'mfa_required',
      ...answer,
    });
    this.mfaToken = mfaToken;
    this.mfaRequirements = mfaRequirements;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), mfaToken: this.mfaToken, mfaRequirements: this.mfaRequirements };
  }
}

/** The encrypted mfa token is past its expiry: start the flow again. */
export class MfaTokenExpiredError extends Auth0Error {
  readonly code = 'mfa_token_expired' as const;
}

/**
 * The encrypted mfa token cannot be used: tampered with, sealed with a key this deployment does not
 * have, issued to another session or client, or not a token at all.
 */
export class MfaTokenInvalidError extends Auth0Error {
  readonly code = 'mfa_token_invalid' as const;
}
