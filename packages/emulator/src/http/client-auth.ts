import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { EmulatorClient } from '../config/types.js';
import { sameSecret } from '../lib/same-secret.js';
import { decodeComponent } from './decode.js';
import { nonEmptyString, parseJsonObject, readBody } from './body.js';

/** The authenticated client, or the 401 `invalid_client` answer. */
export type ClientAuthResult =
  | { ok: true; clientId: string }
  | { ok: false; status: 401; body: { error: 'invalid_client'; error_description: string } };

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * A client assertion may live at most this long: `exp` no further ahead, `iat` (when present) no older.
 * It also bounds how long a `jti` must be remembered to refuse its replay.
 */
export const ASSERTION_MAX_AGE_SECONDS = 300;
const CLOCK_TOLERANCE_SECONDS = 5;

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
  /** `client_id` and `jti` of accepted assertions → their `exp` in seconds, to refuse a replay. */
  readonly #seen = new Map<string, number>();

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

  /**
   * Verifies a `private_key_jwt` assertion as oidc-provider does at its token endpoint: signed by a
   * registered key, `iss` and `sub` the client, `aud` the issuer or token endpoint, `exp` and `jti`
   * required, at most {@link ASSERTION_MAX_AGE_SECONDS} ahead (and `iat` at most that old), and each `jti`
   * accepted once while its assertion is alive.
   */
  async #verifyAssertion(
    client: EmulatorClient,
    assertion: string | undefined,
    type: string | undefined,
  ): Promise<ClientAuthResult> {
    if (!assertion || type !== ASSERTION_TYPE || !client.jwks) return failure('client assertion is required');
    let exp: number;
    let jti: string;
    try {
      const { payload } = await jwtVerify(assertion, createLocalJWKSet({ keys: client.jwks.keys }), {
        issuer: client.client_id,
        subject: client.client_id,
        audience: this.#audiences,
        requiredClaims: ['exp', 'jti'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      if (typeof payload.exp !== 'number' || typeof payload.jti !== 'string' || payload.jti === '')
        return failure('client assertion is invalid');
      exp = payload.exp;
      jti = payload.jti;
      const now = Math.floor(Date.now() / 1000);
      const limit = ASSERTION_MAX_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS;
      if (exp - now > limit || (typeof payload.iat === 'number' && now - payload.iat > limit))
        return failure(`client assertion must not live longer than ${ASSERTION_MAX_AGE_SECONDS} seconds`);
    } catch {
      return failure('client assertion is invalid');
    }
    return this.#firstUse(client.client_id, jti, exp)
      ? { ok: true, clientId: client.client_id }
      : failure('client assertion was already used');
  }

  /** Records an assertion's `jti` until its `exp`; false when it was seen before. */
  #firstUse(clientId: string, jti: string, exp: number): boolean {
    const now = Math.floor(Date.now() / 1000);
    for (const [key, until] of this.#seen) if (until + CLOCK_TOLERANCE_SECONDS < now) this.#seen.delete(key);
    const key = JSON.stringify([clientId, jti]);
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, exp);
    return true;
  }
}

/**
 * The JSON (or form) body of a request to one of Auth0's authenticated APIs (`/passwordless/start`,
 * `/passkey/*`) and its authenticated client, or the answer that refuses it: 400 `invalid_request`
 * for a body that does not parse, 401 `invalid_client`.
 */
export async function authenticatedBody(
  req: IncomingMessage,
  clients: ClientAuthenticator,
): Promise<{ body: Record<string, unknown>; clientId: string } | { status: number; body: unknown }> {
  let body: Record<string, unknown>;
  try {
    body = parseJsonObject(req, await readBody(req));
  } catch {
    return {
      status: 400,
      body: { error: 'invalid_request', error_description: 'the request body could not be parsed' },
    };
  }
  const client = await clients.authenticate(req, body);
  return client.ok ? { body, clientId: client.clientId } : { status: client.status, body: client.body };
}
