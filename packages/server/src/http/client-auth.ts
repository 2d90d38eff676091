import { importPKCS8 } from 'jose';
import * as oauth from 'oauth4webapi';
import { argumentError } from '../lib/validate.js';

/** How the client authenticates to the token, PAR, revocation and MFA endpoints. */
export type ClientAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'private_key_jwt';

/** The validated client credentials {@link createClientAuth} builds the authentication from. */
export interface ClientAuthOptions {
  method: ClientAuthMethod;
  /** For `client_secret_post` and `client_secret_basic`. */
  clientSecret?: string | undefined;
  /** PKCS#8 PEM or a `CryptoKey`, for `private_key_jwt`. */
  clientAssertionSigningKey?: string | CryptoKey | undefined;
  /** The JWS algorithm of the client assertion; default `RS256`. */
  clientAssertionSigningAlg?: string | undefined;
}

/** How the client authenticates: to oauth4webapi's requests, and to Auth0's JSON MFA endpoints. */
export interface ClientAuthentication {
  /** For oauth4webapi's token, PAR and revocation requests. */
  readonly auth: oauth.ClientAuth;
  /**
   * The body fields that authenticate the client to a JSON endpoint (`/mfa/associate`,
   * `/mfa/challenge`): those endpoints take client authentication in the body, and `/mfa/associate`
   * needs `Authorization` for the bearer mfa token, so `client_secret_basic` credentials go in the
   * body there too.
   */
  bodyFields(as: oauth.AuthorizationServer, client: oauth.Client): Promise<Record<string, string>>;
}

/**
 * Builds the client authentication for the configured method. The PEM key is imported once, on
 * first use, and reused.
 */
export function createClientAuth(options: ClientAuthOptions): ClientAuthentication {
  switch (options.method) {
    case 'client_secret_post':
    case 'client_secret_basic': {
      const secret = required(options.clientSecret);
      return {
        auth: (options.method === 'client_secret_post' ? oauth.ClientSecretPost : oauth.ClientSecretBasic)(
          secret,
        ),
        bodyFields: async (_as, client) => ({ client_id: client.client_id, client_secret: secret }),
      };
    }
    case 'private_key_jwt': {
      const alg = options.clientAssertionSigningAlg ?? 'RS256';
      const source = options.clientAssertionSigningKey;
      if (source === undefined)
        throw argumentError(
          '"clientAssertionSigningKey" is required for private_key_jwt',
          'ERR_INVALID_ARG_TYPE',
        );
      let key: Promise<CryptoKey> | undefined;
      const auth: oauth.ClientAuth = async (as, client, body, headers) => {
        key ??= typeof source === 'string' ? importPKCS8(source, alg) : Promise.resolve(source);
        return oauth.PrivateKeyJwt(await key)(as, client, body, headers);
      };
      return {
        auth,
        // A fresh assertion (its own jti and expiry) for each request, as the token endpoint gets.
        async bodyFields(as, client) {
          const body = new URLSearchParams();
          await auth(as, client, body, new Headers());
          return Object.fromEntries(body);
        },
      };
    }
  }
}

/** The client secret, which configuration validation guarantees for the secret methods. */
function required(secret: string | undefined): string {
  if (secret === undefined)
    throw argumentError('"clientSecret" is required for this client authentication', 'ERR_INVALID_ARG_TYPE');
  return secret;
}
