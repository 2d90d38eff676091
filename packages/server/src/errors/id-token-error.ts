import { Auth0Error } from './auth0-error.js';

/**
 * An ID token failed validation.
 *
 * - `id_token_invalid`: its signature, or the claim named in `claim` (`iss`, `aud`, `azp`, `exp`,
 *   `iat`, `nonce`, `auth_time`, ...).
 * - `id_token_user_mismatch`: a valid ID token from a refresh, an MFA verify or an account link
 *   (`completeLinkUser`, `completeUnlinkUser`) names another user
 *   (`claim` `sub`) or issuer (`iss`) than the session's. The session is left as it was; log the
 *   user out rather than retry.
 *
 * @example
 * ```ts
 * if (err instanceof IdTokenValidationError) logger.warn(`ID token refused (${err.claim ?? 'signature'})`);
 * ```
 */
export class IdTokenValidationError extends Auth0Error {
  readonly code: 'id_token_invalid' | 'id_token_user_mismatch';
  /** The claim that failed, or `undefined` for the signature or the token's form. */
  readonly claim: string | undefined;

  /**
   * @param claim the claim that failed, if one did.
   * @param options.code default `id_token_invalid`.
   */
  constructor(
    message: string,
    claim?: string,
    options?: { cause?: unknown; code?: IdTokenValidationError['code'] },
  ) {
    super(message, {}, options);
    this.code = options?.code ?? 'id_token_invalid';
    this.claim = claim;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), claim: this.claim };
  }
}
