/**
 * What the host hands the MFA module with each mfa_token and gets back once the factors are verified:
 * enough to finish the request that was interrupted by `mfa_required`.
 */
export type MfaContext =
  /**
   * A first-party grant that authenticated the user (password, password-realm, webauthn): issue the
   * tokens it asked for, with its first factor (`amr`, e.g. `pwd` or `passkey`) before the MFA ones,
   * into the organization (id) it logged in to.
   */
  | {
      kind: 'grant';
      gty: string;
      scope: string;
      audience?: string;
      authTime: number;
      amr: string[];
      organization?: string;
    }
  /** A refresh_token grant for an API that requires MFA: rotate that refresh token. */
  | { kind: 'refresh'; refreshToken: string; scope?: string; audience?: string }
  /** The browser login: finished by the login pages, never redeemable at the token endpoint. */
  | { kind: 'interaction'; uid: string };

/** Narrows the module's opaque `context` back to the shape the host gave it. */
export function isMfaContext(value: unknown): value is MfaContext {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  switch (value.kind) {
    case 'grant':
      return (
        'gty' in value &&
        typeof value.gty === 'string' &&
        'scope' in value &&
        typeof value.scope === 'string' &&
        'authTime' in value &&
        typeof value.authTime === 'number' &&
        'amr' in value &&
        Array.isArray(value.amr) &&
        value.amr.every((method) => typeof method === 'string')
      );
    case 'refresh':
      return 'refreshToken' in value && typeof value.refreshToken === 'string';
    case 'interaction':
      return 'uid' in value && typeof value.uid === 'string';
    default:
      return false;
  }
}
