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

/**
 * Builds the oauth4webapi client authentication for the configured method. The PEM key is imported
 * once, on first use, and reused.
 */
export function createClientAuth(options: ClientAuthOptions): oauth.ClientAuth {
  switch (options.method) {
    case 'client_secret_post':
      return oauth.ClientSecretPost(required(options.clientSecret));
    case 'client_secret_basic':
      return oauth.ClientSecretBasic(required(options.clientSecret));
    case 'private_key_jwt': {
      const alg = options.clientAssertionSigningAlg ?? 'RS256';
      const source = options.clientAssertionSigningKey;
      if (source === undefined)
        throw argumentError(
          '"clientAssertionSigningKey" is required for private_key_jwt',
          'ERR_INVALID_ARG_TYPE',
        );
      let key: Promise<CryptoKey> | undefined;
      return async (as, client, body, headers) => {
        key ??= typeof source === 'string' ? importPKCS8(source, alg) : Promise.resolve(source);
        return oauth.PrivateKeyJwt(await key)(as, client, body, headers);
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

/**
 * Runs the client authentication against an empty form to learn the fields it adds, so a JSON
 * endpoint (Auth0's `/mfa/associate` and `/mfa/challenge`) authenticates with the same credentials
 * as the token endpoint. Those endpoints take client authentication in the body, and
 * `/mfa/associate` needs `Authorization` for the bearer mfa token, so `client_secret_basic`
 * credentials move from the header into `client_id` / `client_secret` fields.
 */
export async function clientAuthFields(
  auth: oauth.ClientAuth,
  as: oauth.AuthorizationServer,
  client: oauth.Client,
): Promise<Record<string, string>> {
  const body = new URLSearchParams();
  const headers = new Headers();
  await auth(as, client, body, headers);
  return { ...basicCredentials(headers.get('authorization')), ...Object.fromEntries(body) };
}

/** Reads the `client_id:client_secret` pair oauth4webapi's `ClientSecretBasic` form-encodes. */
function basicCredentials(header: string | null): Record<string, string> {
  const match = header === null ? null : /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
  if (!match?.[1]) return {};
  const decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0)));
  const colon = decoded.indexOf(':');
  const formDecode = (value: string) => decodeURIComponent(value.replaceAll('+', ' '));
  return {
    client_id: formDecode(decoded.slice(0, colon)),
    client_secret: formDecode(decoded.slice(colon + 1)),
  };
}
