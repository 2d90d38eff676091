import { Auth0Error } from './auth0-error.js';

/**
 * An ID token failed validation: its signature, or the claim named in `claim` (`iss`, `aud`,
 * `azp`, `exp`, `iat`, `nonce`, `auth_time`, `sub`, ...).
 */
export class IdTokenValidationError extends Auth0Error {
  readonly code = 'id_token_invalid' as const;
  /** The claim that failed, or `undefined` for the signature or the token's form. */
  readonly claim: string | undefined;

  constructor(message: string, claim?: string, options?: { cause?: unknown }) {
    super(message, {}, options);
    this.claim = claim;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), claim: this.claim };
  }
}
