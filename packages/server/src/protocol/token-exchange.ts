import { decodeJwt } from 'jose';
import type * as oauth from 'oauth4webapi';
import { TokenExchangeError } from '../errors/index.js';
import { sanitize } from '../errors/sanitize.js';
import type { Transport } from '../http/index.js';
import { isRecord } from '../lib/is-record.js';
import { argumentError, optionalString, requireString } from '../lib/validate.js';
import type { SessionAccess } from '../session/access.js';
import { loggedIn } from '../session/rules.js';
import { DEFAULT_AUDIENCE, scopesOf } from '../session/token-sets.js';
import type { UserClaims } from '../types.js';
import { validatedClaims } from './callback.js';
import { exchangeGrant, refusedAs } from './exchange-grant.js';
import { toTokenResponse, type TokenResponse } from './token-response.js';

/** RFC 8693's grant type, which Auth0's Custom Token Exchange and session transfer use. */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** The `act` claim (RFC 8693 section 4.1): who acts for the token's subject. */
export interface ActClaim {
  /** The actor's subject identifier. */
  sub: string;
  [claim: string]: unknown;
}

/** Options of `customTokenExchange` and `loginWithCustomTokenExchange` (RFC 8693). */
export interface CustomTokenExchangeOptions {
  /**
   * A URI naming the subject token's type, matching a Token Exchange Profile of the tenant. It must
   * be in a namespace of your own: Auth0 reserves `http(s)://auth0.com`, `http(s)://okta.com`,
   * `urn:ietf`, `urn:auth0` and `urn:okta`.
   */
  subjectTokenType: string;
  /** The token to exchange, as it is (no `Bearer ` prefix, no surrounding spaces). */
  subjectToken: string;
  /** The API the access token is for. Default: the configured audience. */
  audience?: string;
  /** The scopes to ask for. `loginWithCustomTokenExchange` adds `openid`. Default: the configured scope. */
  scope?: string;
  /** The type of token asked for (RFC 8693). Default: the server's (an access token). */
  requestedTokenType?: string;
  /** The organization (id or name) to log the user in to. */
  organization?: string;
  /** The acting party's token (delegation): the tokens then carry an `act` claim. Needs `actorTokenType`. */
  actorToken?: string;
  /** The URI naming the actor token's type. Needs `actorToken`. */
  actorTokenType?: string;
  /** More parameters for the tenant's Action (`event.request.body`); they cannot replace the ones above. */
  extra?: Record<string, string>;
}

/** What `customTokenExchange` resolves: the tokens, and the `act` claim when an actor was named. */
export interface ExchangedTokens extends TokenResponse {
  /** Who acts for the user, from the tokens' `act` claim. */
  act?: ActClaim;
}

const RESERVED = /^(?:https?:\/\/(?:[^/]*\.)?(?:auth0|okta)\.com(?:[/:?#]|$)|urn:(?:ietf|auth0|okta):)/i;
const OWN = new Set([
  'grant_type',
  'subject_token',
  'subject_token_type',
  'audience',
  'scope',
  'requested_token_type',
  'organization',
  'actor_token',
  'actor_token_type',
  'client_id',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
]);

/**
 * Checks the options before any request, as Auth0 would refuse them: a blank, padded or
 * `Bearer `-prefixed subject token, a subject token type outside the caller's own namespace, an actor
 * token without its type (or the reverse), an `extra` parameter that would replace one of the grant's.
 *
 * @throws {TypeError} naming the field.
 */
export function checkExchangeOptions(
  options: CustomTokenExchangeOptions,
  reservedTypesAllowed = false,
): void {
  requireString(options?.subjectTokenType, 'subjectTokenType');
  requireString(options.subjectToken, 'subjectToken');
  if (options.subjectToken.trim() !== options.subjectToken) {
    throw argumentError('"subjectToken" must not start or end with whitespace');
  }
  if (/^bearer\s/i.test(options.subjectToken)) {
    throw argumentError('"subjectToken" must be the token alone, without a "Bearer " prefix');
  }
  if (!URL.canParse(options.subjectTokenType)) throw argumentError('"subjectTokenType" must be a URI');
  if (!reservedTypesAllowed && RESERVED.test(options.subjectTokenType)) {
    throw argumentError('"subjectTokenType" is in a namespace Auth0 reserves: use a URI of your own');
  }
  for (const field of ['audience', 'scope', 'requestedTokenType', 'organization'] as const) {
    optionalString(options[field], field);
  }
  optionalString(options.actorToken, 'actorToken');
  optionalString(options.actorTokenType, 'actorTokenType');
  if ((options.actorToken === undefined) !== (options.actorTokenType === undefined)) {
    throw argumentError('"actorToken" and "actorTokenType" go together: give both or neither');
  }
  for (const [name, value] of Object.entries(options.extra ?? {})) {
    if (OWN.has(name)) throw argumentError(`"extra.${name}" would replace a parameter of the grant`);
    requireString(value, `extra.${name}`);
  }
}

/** The tokens of one token exchange and the validated claims of its ID token. */
export interface Exchanged {
  tokens: ExchangedTokens & { tokenType: string };
  claims: UserClaims | undefined;
}

/**
 * Runs one RFC 8693 token exchange (options already checked); an ID token in the answer is
 * validated like a login's.
 *
 * @throws {TokenExchangeError} `token_exchange_error`: the server refused it.
 * @throws {IdTokenValidationError} `id_token_invalid`; {@link RequestError} on transport failures.
 */
export async function tokenExchange(
  transport: Transport,
  options: CustomTokenExchangeOptions,
): Promise<Exchanged> {
  const parameters: Record<string, string> = { ...options.extra };
  parameters.subject_token_type = options.subjectTokenType;
  parameters.subject_token = options.subjectToken;
  if (options.audience !== undefined) parameters.audience = options.audience;
  if (options.scope !== undefined) parameters.scope = options.scope;
  if (options.requestedTokenType !== undefined) parameters.requested_token_type = options.requestedTokenType;
  if (options.organization !== undefined) parameters.organization = options.organization;
  if (options.actorToken !== undefined && options.actorTokenType !== undefined) {
    parameters.actor_token = options.actorToken;
    parameters.actor_token_type = options.actorTokenType;
  }
  await transport.keys.ready();
  const response = await runExchange(
    transport,
    parameters,
    'The authorization server refused the token exchange',
  );
  const claims = await validatedClaims(transport, response);
  const act = actOf(claims) ?? actOf(jwtClaims(response.access_token));
  return { tokens: { ...toTokenResponse(response), ...(act ? { act } : {}) }, claims };
}

/** One RFC 8693 exchange; a refusal becomes {@link TokenExchangeError} `token_exchange_error` saying `message`. */
export async function runExchange(
  transport: Transport,
  parameters: Record<string, string>,
  message: string,
): Promise<oauth.TokenEndpointResponse> {
  try {
    return await exchangeGrant(transport, TOKEN_EXCHANGE_GRANT, parameters);
  } catch (err) {
    throw refusedAs(
      err,
      (text, answer) =>
        new TokenExchangeError('token_exchange_error', text, answer, { cause: sanitize(answer) }),
      message,
    );
  }
}

function actOf(claims: Record<string, unknown> | undefined): ActClaim | undefined {
  const act = claims?.act;
  return isRecord(act) && typeof act.sub === 'string' ? { ...act, sub: act.sub } : undefined;
}

/** A JWT access token's claims (decoded, not verified: the token is for its API, not for us). */
function jwtClaims(token: string): Record<string, unknown> | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

/** What `loginWithCustomTokenExchange` needs from the client. */
export interface ExchangeLoginContext<TStoreOptions> {
  transport: Transport;
  sessions: SessionAccess<TStoreOptions>;
  /** The configured audience and scope, used when the call names none. */
  audience: string | undefined;
  scope: string | undefined;
}

/**
 * Logs the subject token's user in: the exchange with `openid` added to the scope, its ID token
 * validated, and a new session written through the session owner (a new `internal.sid`, as a
 * login's).
 *
 * @throws {TokenExchangeError} `token_exchange_error`: refused, or answered without an ID token.
 */
export async function loginWithTokenExchange<TStoreOptions>(
  ctx: ExchangeLoginContext<TStoreOptions>,
  options: CustomTokenExchangeOptions,
  storeOptions?: TStoreOptions,
): Promise<Record<string, never>> {
  const scope = [...new Set(['openid', ...scopesOf(options.scope ?? ctx.scope)])].join(' ');
  const audience = options.audience ?? ctx.audience;
  const { tokens, claims } = await tokenExchange(ctx.transport, {
    ...options,
    scope,
    ...(audience === undefined ? {} : { audience }),
  });
  if (!claims) {
    throw new TokenExchangeError(
      'token_exchange_error',
      'The token exchange answered no ID token: no session can be created from it',
    );
  }
  const session = loggedIn({ tokens, claims }, { audience: audience ?? DEFAULT_AUDIENCE, scope });
  await ctx.sessions.update(() => session, storeOptions);
  return {};
}
