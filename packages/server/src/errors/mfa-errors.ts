import { Auth0Error, type ServerAnswer } from './auth0-error.js';

/**
 * A factor type the server asks for, as found in `mfa_requirements`.
 *
 * @example
 * ```ts
 * const wantsPhone = err.mfaRequirements?.challenge?.some((r: MfaRequirement) => r.type === 'phone');
 * ```
 */
export interface MfaRequirement {
  /** `otp`, `phone`, `email`, `push-notification`, `recovery-code`, `webauthn-roaming`, ... */
  type: string;
}

/**
 * What the server said the user must do: challenge an enrolled factor, or enroll one.
 *
 * @example
 * ```ts
 * const mustEnroll = (err.mfaRequirements?.enroll?.length ?? 0) > 0;
 * ```
 */
export interface MfaRequirements {
  /** Factors the user has enrolled and may be challenged with. */
  challenge?: MfaRequirement[];
  /** Factors the user may enroll, having none yet. */
  enroll?: MfaRequirement[];
}

/**
 * The authorization server requires multi-factor authentication before it issues the requested
 * tokens. `mfaToken` is the SDK-encrypted token (bound to this client and, when there is one, to the
 * session): pass it as it is to the `client.mfa` methods. The raw token never leaves the server side.
 *
 * @example
 * ```ts
 * if (err instanceof MfaRequiredError) return res.render('mfa', { mfaToken: err.mfaToken });
 * ```
 */
export class MfaRequiredError extends Auth0Error {
  readonly code = 'mfa_required' as const;
  /**
   * The encrypted, expiring, bound mfa token; safe to carry through the browser. Not enumerable and
   * not in `toJSON()`, so logging the error (`console.error(err)`, `JSON.stringify(err)`) does not
   * write even the sealed token to the logs; read it explicitly.
   */
  declare readonly mfaToken: string;
  /** What the server asks for: factors to challenge or to enroll. */
  readonly mfaRequirements: MfaRequirements | undefined;

  /** @param mfaToken the ENCRYPTED token; the raw one must never reach an error. */
  constructor(mfaToken: string, mfaRequirements: MfaRequirements | undefined, answer: ServerAnswer = {}) {
    super('The authorization server requires multi-factor authentication', {
      error: 'mfa_required',
      ...answer,
    });
    Object.defineProperty(this, 'mfaToken', { value: mfaToken, enumerable: false });
    this.mfaRequirements = mfaRequirements;
  }

  /** The safe fields and `mfaRequirements`; the mfa token is left out (see {@link mfaToken}). */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), mfaRequirements: this.mfaRequirements };
  }
}

/**
 * The encrypted mfa token is past its expiry: start the flow again.
 *
 * @example
 * ```ts
 * if (err instanceof MfaTokenExpiredError) return res.redirect('/auth/login');
 * ```
 */
export class MfaTokenExpiredError extends Auth0Error {
  readonly code = 'mfa_token_expired' as const;
}

/**
 * The encrypted mfa token cannot be used: tampered with, sealed with a key this deployment does not
 * have, issued to another session or client, or not a token at all.
 *
 * @example
 * ```ts
 * if (err instanceof MfaTokenInvalidError) return res.status(400).send('Start the sign-in again');
 * ```
 */
export class MfaTokenInvalidError extends Auth0Error {
  readonly code = 'mfa_token_invalid' as const;
}
