// Declarations for the one oidc-provider module the emulator reaches below its public entry point:
// the DPoP proof checks its own grants use (see dpopProofs in oidc-provider.ts). The package pins
// oidc-provider to an exact version, and test/dpop-grants.test.ts fails if this module changes shape.
declare module 'oidc-provider/lib/helpers/validate_dpop.js' {
  import type Provider from 'oidc-provider';
  import type { KoaContextWithOIDC } from 'oidc-provider';

  /** A proof that passed every check but the replay check: its key's thumbprint, `jti` and `iat`. */
  export interface ValidatedDpopProof {
    thumbprint: string;
    jti: string;
    iat: number;
  }
  /**
   * Checks the request's `DPoP` header (RFC 9449 §4.3, with the provider's nonces); `undefined` when
   * there is none. Throws `invalid_dpop_proof` or `use_dpop_nonce` (with a `DPoP-Nonce` header).
   */
  export default function validateDpop(
    provider: Provider,
    ctx: KoaContextWithOIDC,
    accessToken?: string,
  ): Promise<ValidatedDpopProof | undefined>;
  /** Records the proof's `jti` with the provider's replay detection; throws `ErrorClass` on a replay. */
  export function checkDpopReplay(
    provider: Provider,
    ctx: KoaContextWithOIDC,
    proof: ValidatedDpopProof | undefined,
    clientId: string,
    ErrorClass?: new (description: string) => Error,
  ): Promise<void>;
}
