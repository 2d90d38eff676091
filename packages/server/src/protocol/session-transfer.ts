import { decodeJwt } from 'jose';
import { TokenExchangeError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import { isLoopback } from '../lib/loopback.js';
import { argumentError, optionalString, requireString } from '../lib/validate.js';
import type { SessionAccess } from '../session/access.js';
import { checkExchangeOptions, runExchange } from './token-exchange.js';

const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';

/** The acting party of a session transfer, when not the session's own ID token. */
export interface SessionTransferActor {
  /** The actor token: for the default type, an unexpired ID token Auth0 issued to this client. */
  token: string;
  /** Its type URI. Default: `urn:ietf:params:oauth:token-type:id_token`. */
  type?: string;
}

/** Options of `requestSessionTransferToken`. */
export interface RequestSessionTransferTokenOptions {
  /** Your proof of which user to hand the session to, validated by your Action. */
  subjectToken: string;
  /** The URI naming its type (your Token Exchange Profile's). */
  subjectTokenType: string;
  /** The actor. Default: the session's ID token (the logged-in agent); the session is not read when given. */
  actor?: SessionTransferActor;
  /** The scopes the target's session asks for. */
  scope?: string;
  /** The organization (id or name) the tenant checks while minting the token. */
  organization?: string;
  /** More parameters for the Action. */
  extra?: Record<string, string>;
}

/** A session transfer token: opaque, single use, short-lived. Hand it to `buildSessionTransferRedirect`. */
export interface SessionTransferTokenResult {
  sessionTransferToken: string;
  /** `urn:auth0:params:oauth:token-type:session_transfer_token`: branch on this, not on `tokenType`. */
  issuedTokenType: string;
  /** Seconds it may be redeemed in (about 60). */
  expiresIn: number;
  /** As the server said it (`N_A`); informational. */
  tokenType: string;
  scope?: string;
}

/** What `requestSessionTransferToken` needs from the client. */
export interface SessionTransferContext<TStoreOptions> {
  transport: Transport;
  sessions: SessionAccess<TStoreOptions>;
  issuer: URL;
}

/**
 * Asks for a session transfer token (Custom Token Exchange for the audience
 * `urn:<domain>:session_transfer`) with the actor given, or the session's ID token.
 *
 * @throws {TypeError} naming the option, before any request.
 * @throws {TokenExchangeError} `actor_unavailable` (no actor given, no unexpired ID token in the
 *   session; before any request) or `token_exchange_error` (refused by the server).
 */
export async function requestSessionTransferToken<TStoreOptions>(
  ctx: SessionTransferContext<TStoreOptions>,
  options: RequestSessionTransferTokenOptions,
  storeOptions?: TStoreOptions,
): Promise<SessionTransferTokenResult> {
  checkExchangeOptions(
    {
      subjectToken: options?.subjectToken,
      subjectTokenType: options?.subjectTokenType,
      scope: options?.scope,
      organization: options?.organization,
      ...(options?.extra ? { extra: options.extra } : {}),
    },
    true,
  );
  if (options.actor !== undefined) {
    requireString(options.actor?.token, 'actor.token');
    optionalString(options.actor.type, 'actor.type');
  }
  const actor = options.actor ?? (await sessionActor(ctx, storeOptions));
  const parameters: Record<string, string> = {
    ...options.extra,
    subject_token: options.subjectToken,
    subject_token_type: options.subjectTokenType,
    audience: `urn:${ctx.issuer.host}:session_transfer`,
    actor_token: actor.token,
    actor_token_type: actor.type ?? ID_TOKEN_TYPE,
  };
  if (options.scope !== undefined) parameters.scope = options.scope;
  if (options.organization !== undefined) parameters.organization = options.organization;
  const response = await runExchange(
    ctx.transport,
    parameters,
    'The authorization server refused the session transfer token',
  );
  const issued = response.issued_token_type;
  return {
    sessionTransferToken: response.access_token,
    issuedTokenType: typeof issued === 'string' ? issued : '',
    expiresIn: typeof response.expires_in === 'number' ? response.expires_in : 60,
    // oauth4webapi lowercases it; the server says `N_A`.
    tokenType: response.token_type.toUpperCase(),
    ...(response.scope === undefined ? {} : { scope: response.scope }),
  };
}

/** The session's ID token as the actor, while it is unexpired. */
async function sessionActor<TStoreOptions>(
  ctx: SessionTransferContext<TStoreOptions>,
  storeOptions: TStoreOptions | undefined,
): Promise<SessionTransferActor> {
  const idToken = (await ctx.sessions.get(storeOptions))?.idToken;
  let exp: unknown;
  try {
    exp = idToken === undefined ? undefined : decodeJwt(idToken).exp;
  } catch {
    exp = undefined;
  }
  if (idToken === undefined || typeof exp !== 'number' || exp <= Date.now() / 1000) {
    throw new TokenExchangeError(
      'actor_unavailable',
      'No actor for the session transfer: pass "actor", or call it with a logged-in session whose ID token is unexpired',
    );
  }
  return { token: idToken };
}

/**
 * `targetLoginUrl` with `session_transfer_token` (and `organization`) added to its query, keeping
 * what is there. It carries a one-time credential, so the target must be the app's own, absolute and
 * https (plain http only on loopback).
 *
 * @throws {TypeError} naming the argument: not absolute, not https, or a token missing.
 */
export function buildSessionTransferRedirect(
  targetLoginUrl: string,
  result: SessionTransferTokenResult,
  options: { organization?: string } = {},
): URL {
  requireString(targetLoginUrl, 'targetLoginUrl');
  requireString(result?.sessionTransferToken, 'result.sessionTransferToken');
  optionalString(options?.organization, 'organization');
  if (!URL.canParse(targetLoginUrl)) throw argumentError('"targetLoginUrl" must be an absolute URL');
  const url = new URL(targetLoginUrl);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw argumentError('"targetLoginUrl" must be an https URL (plain http only on a loopback host)');
  }
  url.searchParams.set('session_transfer_token', result.sessionTransferToken);
  if (options.organization !== undefined) url.searchParams.set('organization', options.organization);
  return url;
}
