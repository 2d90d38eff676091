import { Auth0Error } from './auth0-error.js';

/**
 * An ID token failed validation: its signature, or the claim named in `claim` (`iss`, `aud`,
 * `azp`, `exp`, `iat`, `nonce`, `auth_time`, `sub`, ...).
 *
 * @example
 * ```ts
 * if (err instanceof IdTokenValidationError) logger.warn(`ID token refused (${err.claim ?? 'signature'})`);
 * ```
 */
export class IdTokenValidationError extends Auth0Error {
  readonly code = 'id_token_invalid' as const;
  /** The claim that failed, or `undefined` for the signature or the token's form. */
  readonly claim: string | undefined;

  /** @param claim the claim that failed, if one did. */
  constructor(message: string, claim?: string, options?: { cause?: unknown }) {
    super(message, {}, options);
    this.claim = claim;
  }

  /** The safe fields and `claim`. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), claim: this.claim };
  }
}
