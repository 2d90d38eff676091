import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { EmulatorClient } from '../config/types.js';
import { sameSecret } from '../crypto/same-secret.js';
import { decodeComponent } from './decode.js';
import { nonEmptyString } from './body.js';

/** The authenticated client, or the 401 `invalid_client` answer. */
export type ClientAuthResult =
  | { ok: true; clientId: string }
  | { ok: false; status: 401; body: { error: 'invalid_client'; error_description: string } };

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

function failure(description: string): ClientAuthResult {
  return { ok: false, status: 401, body: { error: 'invalid_client', error_description: description } };
}

/** The Basic credentials of a request, `undefined` without them, `'malformed'` when they do not decode. */
function basicCredentials(req: IncomingMessage): { id: string; secret: string } | 'malformed' | undefined {
  const header = req.headers.authorization;
  if (!header?.toLowerCase().startsWith('basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 section 2.3.1 form-encodes both parts before joining them.
  const id = decodeComponent(decoded.slice(0, colon));
  const secret = decodeComponent(decoded.slice(colon + 1));
  return id === undefined || secret === undefined ? 'malformed' : { id, secret };
}

/**
 * Authenticates the client of a request that oidc-provider does not handle itself (the MFA API, and
 * the refresh-token step-up check that must run before the provider would rotate the token), with
 * the method registered for the client, as the token endpoint would.
 */
export class ClientAuthenticator {
  readonly #clients: Map<string, EmulatorClient>;
  readonly #audiences: string[];

  constructor(clients: EmulatorClient[], audiences: string[]) {
    this.#clients = new Map(clients.map((client) => [client.client_id, client]));
    this.#audiences = audiences;
  }

  /** Authenticates the request's client from its Authorization header and `body` parameters. */
  async authenticate(req: IncomingMessage, body: Record<string, unknown>): Promise<ClientAuthResult> {
    const basic = basicCredentials(req);
    if (basic === 'malformed') {
      return failure('client_id and client_secret in the authorization header are not properly encoded');
    }
    const assertion = nonEmptyString(body.client_assertion);
    const clientId =
      basic?.id ??
      nonEmptyString(body.client_id) ??
      (assertion ? this.#assertionSubject(assertion) : undefined);
    if (!clientId) return failure('client_id is required');
    const client = this.#clients.get(clientId);
    if (!client) return failure('unknown client');

    switch (client.token_endpoint_auth_method) {
      case 'none':
        return { ok: true, clientId };
      case 'client_secret_basic':
      case 'client_secret_post': {
        const secret = basic?.secret ?? nonEmptyString(body.client_secret);
        if (!secret || !client.client_secret || !sameSecret(secret, client.client_secret)) {
          return failure('client authentication failed');
        }
        return { ok: true, clientId };
      }
      case 'private_key_jwt':
        return this.#verifyAssertion(client, assertion, nonEmptyString(body.client_assertion_type));
    }
  }

  #assertionSubject(assertion: string): string | undefined {
    const payload = assertion.split('.')[1];
    if (!payload) return undefined;
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return typeof claims === 'object' && claims !== null && 'sub' in claims
        ? nonEmptyString(claims.sub)
        : undefined;
    } catch {
      return undefined;
    }
  }

  async #verifyAssertion(
    client: EmulatorClient,
    assertion: string | undefined,
    type: string | undefined,
  ): Promise<ClientAuthResult> {
    if (!assertion || type !== ASSERTION_TYPE || !client.jwks) return failure('client assertion is required');
    try {
      await jwtVerify(assertion, createLocalJWKSet({ keys: client.jwks.keys }), {
        issuer: client.client_id,
        subject: client.client_id,
        audience: this.#audiences,
      });
      return { ok: true, clientId: client.client_id };
    } catch {
      return failure('client assertion is invalid');
    }
  }
}
