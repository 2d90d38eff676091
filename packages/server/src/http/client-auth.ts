import { importPKCS8 } from 'jose';
import * as oauth from 'oauth4webapi';

/** How the client authenticates to the token, PAR, revocation and MFA endpoints. */
export type ClientAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'private_key_jwt';

export interface ClientAuthOptions {
  method: ClientAuthMethod;
  clientSecret?: string | undefined;
  /** PKCS#8 PEM or a `CryptoKey`, for `private_key_jwt`. */
  clientAssertionSigningKey?: string | CryptoKey | undefined;
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
        throw new TypeError('"clientAssertionSigningKey" is required for private_key_jwt');
      let key: Promise<CryptoKey> | undefined;
      return async (as, client, body, headers) => {
        key ??= typeof source === 'string' ? importPKCS8(source, alg) : Promise.resolve(source);
        return oauth.PrivateKeyJwt(await key)(as, client, body, headers);
      };
    }
  }
}

function required(secret: string | undefined): string {
  if (secret === undefined) throw new TypeError('"clientSecret" is required for this client authentication');
  return secret;
}

/**
 * Runs the client authentication against an empty form to learn the fields and headers it adds, so a
 * JSON endpoint (Auth0's `/mfa/associate` and `/mfa/challenge`) authenticates exactly like the token
 * endpoint does.
 */
export async function clientAuthFields(
  auth: oauth.ClientAuth,
  as: oauth.AuthorizationServer,
  client: oauth.Client,
): Promise<{ fields: Record<string, string>; headers: Headers }> {
  const body = new URLSearchParams();
  const headers = new Headers();
  await auth(as, client, body, headers);
  return { fields: Object.fromEntries(body), headers };
}
