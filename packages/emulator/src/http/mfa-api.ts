import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { JWK } from 'jose';
import type { HandlerResult, MfaService } from '../mfa/index.js';
import { sendJson } from './respond.js';
import { authenticatedBody, type ClientAuthenticator } from './client-auth.js';
import { decodeComponent } from './decode.js';

/** What the MFA API routes need: the module, client authentication, and the keys to verify MFA API access tokens. */
export interface MfaApiDeps {
  mfa: MfaService;
  clients: ClientAuthenticator;
  issuer: string;
  mfaAudience: string;
  publicKeys: { keys: JWK[] };
}

type Bearer = { mfaToken: string } | { userId: string; scopes: Set<string> };

const AUTHENTICATOR = /^\/mfa\/authenticators\/([^/]+)$/;

function unauthorized(description: string): HandlerResult {
  return { status: 401, body: { error: 'invalid_token', error_description: description } };
}

/**
 * A Bearer on the MFA API is either an mfa_token (handed to the module as is) or an access token for
 * the MFA audience, which the host verifies (signature, issuer, audience, expiry) to learn the user.
 */
async function bearer(req: IncomingMessage, deps: MfaApiDeps): Promise<Bearer | undefined> {
  const header = req.headers.authorization;
  if (!header?.toLowerCase().startsWith('bearer ')) return undefined;
  const token = header.slice(7).trim();
  if (token.split('.').length !== 3) return { mfaToken: token };
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(deps.publicKeys), {
      issuer: deps.issuer,
      audience: deps.mfaAudience,
    });
    if (typeof payload.sub !== 'string') return undefined;
    const scope = typeof payload.scope === 'string' ? payload.scope : '';
    return { userId: payload.sub, scopes: new Set(scope.split(' ')) };
  } catch {
    // Not one of our access tokens: the module decides whether it is a valid mfa_token.
    return { mfaToken: token };
  }
}

function withScope(
  who: Bearer | undefined,
  scope: string,
): { userId: string } | { mfaToken: string } | HandlerResult {
  if (!who) return unauthorized('a Bearer mfa_token or MFA API access token is required');
  if ('mfaToken' in who) return who;
  return who.scopes.has(scope)
    ? { userId: who.userId }
    : {
        status: 403,
        body: { error: 'insufficient_scope', error_description: `the access token needs the ${scope} scope` },
      };
}

async function route(
  req: IncomingMessage,
  pathname: string,
  deps: MfaApiDeps,
): Promise<HandlerResult | undefined> {
  const method = req.method ?? 'GET';
  if (pathname === '/mfa/authenticators' && method === 'GET') {
    const auth = withScope(await bearer(req, deps), 'read:authenticators');
    return 'status' in auth ? auth : deps.mfa.listAuthenticators(auth);
  }
  const one = AUTHENTICATOR.exec(pathname);
  if (one?.[1] && method === 'DELETE') {
    const auth = withScope(await bearer(req, deps), 'remove:authenticators');
    if ('status' in auth) return auth;
    if ('mfaToken' in auth) return unauthorized('deleting an authenticator needs an MFA API access token');
    // An undecodable segment names no authenticator, so the module answers its 404.
    return deps.mfa.deleteAuthenticator(auth, decodeComponent(one[1]) ?? one[1]);
  }
  if ((pathname === '/mfa/associate' || pathname === '/mfa/challenge') && method === 'POST') {
    const client = await authenticatedBody(req, deps.clients);
    if ('status' in client) return client;
    const { body } = client;
    if (pathname === '/mfa/challenge') return deps.mfa.challenge({ clientId: client.clientId }, body);
    const auth = withScope(await bearer(req, deps), 'enroll');
    if ('status' in auth) return auth;
    return deps.mfa.associate({ clientId: client.clientId, ...auth }, body);
  }
  return undefined;
}

/** Auth0's MFA API under /mfa/. Answers false for other paths. */
export async function handleMfaApi(
  deps: MfaApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  if (!pathname.startsWith('/mfa/')) return false;
  const answer = await route(req, pathname, deps);
  if (!answer) {
    sendJson(res, 404, { error: 'not_found', error_description: 'no such MFA endpoint' });
    return true;
  }
  sendJson(res, answer.status, answer.body, answer.headers);
  return true;
}
