import * as oauth from 'oauth4webapi';
import {
  PasskeyChallengeError,
  PasskeyGetTokenError,
  PasskeyRegisterError,
  RequestError,
  ServerError,
} from '../errors/index.js';
import type { FetchLike, Transport } from '../http/index.js';
import { isRecord } from '../lib/is-record.js';
import { argumentError, optionalString, requireObject, requireString } from '../lib/validate.js';
import { validatedClaims, type ExchangedCode } from './callback.js';
import { exchangeGrant, refusedAs } from './exchange-grant.js';

/** The WebAuthn creation options of a sign-up challenge: hand them to `navigator.credentials.create()`. */
export interface PasskeyCreationOptions {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: Array<{ type: string; alg: number }>;
  authenticatorSelection?: { residentKey?: string; userVerification?: string };
  timeout?: number;
  [more: string]: unknown;
}

/** The WebAuthn request options of a login challenge: hand them to `navigator.credentials.get()`. */
export interface PasskeyRequestOptions {
  challenge: string;
  rpId: string;
  timeout?: number;
  userVerification?: string;
  [more: string]: unknown;
}

/** The browser's credential, serialized: every binary field base64url (`PublicKeyCredential.toJSON()`). */
export interface PasskeyCredentialResponse {
  id: string;
  rawId: string;
  type: string;
  authenticatorAttachment?: string;
  response: {
    clientDataJSON: string;
    attestationObject?: string;
    authenticatorData?: string;
    signature?: string;
    userHandle?: string;
    [more: string]: unknown;
  };
  clientExtensionResults?: Record<string, unknown>;
}

/** The profile fields of a sign-up challenge, beside the identifier (the peer's names). */
interface PasskeyRegisterProfile {
  name?: string;
  givenName?: string;
  familyName?: string;
  nickname?: string;
  picture?: string;
  /** Stored as the user's `user_metadata`. */
  userMetadata?: Record<string, string>;
  /** The database connection (sent as `realm`). */
  realm?: string;
  /** Organization id or name to associate the user with. */
  organization?: string;
}

/** Options of `client.passkey.register`: at least one of `email`, `phoneNumber`, `username`. */
export type PasskeyRegisterOptions = PasskeyRegisterProfile &
  (
    | { email: string; phoneNumber?: string; username?: string }
    | { phoneNumber: string; email?: string; username?: string }
    | { username: string; email?: string; phoneNumber?: string }
  );

/** A sign-up challenge: return both to the browser, then `getToken` with its credential. */
export interface PasskeyRegisterResponse {
  authSession: string;
  authnParamsPublicKey: PasskeyCreationOptions;
}

/** Options of `client.passkey.challenge`. */
export interface PasskeyChallengeOptions {
  realm?: string;
  organization?: string;
}

/** A login challenge: return both to the browser, then `getToken` with its credential. */
export interface PasskeyChallengeResponse {
  authSession: string;
  authnParamsPublicKey: PasskeyRequestOptions;
}

/** Options of `client.passkey.getToken`. */
export interface PasskeyGetTokenOptions {
  /** From `register` or `challenge`. */
  authSession: string;
  /** What `navigator.credentials.create()` / `.get()` gave, serialized. */
  credential: PasskeyCredentialResponse;
  realm?: string;
  /** Default: the configured scope (`openid` is always added). */
  scope?: string;
  /** Default: the configured audience. */
  audience?: string;
  /** Organization id or name; the ID token must then carry it. */
  organization?: string;
}

/** What `getToken` returns; the session is written. `authorizationDetails` when RAR was used. */
export interface PasskeyGetTokenResult {
  authorizationDetails?: unknown[];
}

/** Auth0's grant type for a WebAuthn credential at the token endpoint. */
export const WEBAUTHN_GRANT = 'urn:okta:params:oauth:grant-type:webauthn';

// Our option name -> Auth0's `user_profile` field.
const PROFILE_FIELDS = [
  ['email', 'email'],
  ['phoneNumber', 'phone_number'],
  ['username', 'username'],
  ['name', 'name'],
  ['givenName', 'given_name'],
  ['familyName', 'family_name'],
  ['nickname', 'nickname'],
  ['picture', 'picture'],
] as const;

/**
 * `POST /passkey/register` with the client's authentication.
 *
 * @throws {TypeError} naming the option that is missing or malformed.
 * @throws {PasskeyRegisterError} the server refused; {@link RequestError} on transport failures.
 */
export async function requestPasskeyRegistration(
  transport: Transport,
  options: PasskeyRegisterOptions,
): Promise<PasskeyRegisterResponse> {
  requireObject(options, 'options');
  const profile: Record<string, string> = {};
  for (const [ours, theirs] of PROFILE_FIELDS) {
    const value: unknown = options[ours];
    optionalString(value, ours);
    if (value !== undefined) profile[theirs] = value;
  }
  if (!profile.email && !profile.phone_number && !profile.username)
    throw argumentError('"email", "phoneNumber" or "username" is required', 'ERR_INVALID_ARG_TYPE');
  const body: Record<string, unknown> = { user_profile: profile, ...place(options) };
  if (options.userMetadata !== undefined) {
    requireObject(options.userMetadata, 'userMetadata');
    body.user_metadata = options.userMetadata;
  }
  const answer = await challengeCall(transport, 'passkey/register', body, PasskeyRegisterError);
  return {
    authSession: answer.authSession,
    authnParamsPublicKey: answer.publicKey as PasskeyCreationOptions,
  };
}

/**
 * `POST /passkey/challenge` with the client's authentication.
 *
 * @throws {TypeError}; {@link PasskeyChallengeError} the server refused; {@link RequestError}.
 */
export async function requestPasskeyChallenge(
  transport: Transport,
  options: PasskeyChallengeOptions = {},
): Promise<PasskeyChallengeResponse> {
  requireObject(options, 'options');
  const answer = await challengeCall(transport, 'passkey/challenge', place(options), PasskeyChallengeError);
  return { authSession: answer.authSession, authnParamsPublicKey: answer.publicKey as PasskeyRequestOptions };
}

/** `realm` and `organization`, checked, as body fields. */
function place(options: { realm?: string; organization?: string }): Record<string, string> {
  optionalString(options.realm, 'realm');
  optionalString(options.organization, 'organization');
  return {
    ...(options.realm === undefined ? {} : { realm: options.realm }),
    ...(options.organization === undefined ? {} : { organization: options.organization }),
  };
}

async function challengeCall(
  transport: Transport,
  path: string,
  body: Record<string, unknown>,
  As: typeof PasskeyRegisterError | typeof PasskeyChallengeError,
): Promise<{ authSession: string; publicKey: Record<string, unknown> }> {
  let answer: unknown;
  try {
    answer = await transport.json(path, { method: 'POST', body, authenticate: true });
  } catch (err) {
    if (!(err instanceof ServerError)) throw err;
    // `cause` is then the answer's `{ error, error_description }`, where the peer's errors keep it.
    throw new As(
      'The authorization server refused the passkey request (see the error and errorDescription fields)',
      err,
    );
  }
  if (
    !isRecord(answer) ||
    typeof answer.auth_session !== 'string' ||
    !isRecord(answer.authn_params_public_key)
  )
    throw new RequestError(
      'invalid_response',
      `The ${path} answer has no auth_session and public key options`,
    );
  return { authSession: answer.auth_session, publicKey: { ...answer.authn_params_public_key } };
}

/**
 * A fetch for the webauthn grant: Auth0 takes it as JSON with `authn_response` an object, so the form
 * oauth4webapi builds (client authentication included) is sent as the same fields in JSON.
 */
function jsonGrantFetch(fetch: FetchLike): FetchLike {
  return (url, init) => {
    const form = init?.body;
    if (!(form instanceof URLSearchParams)) return fetch(url, init);
    const body: Record<string, unknown> = {};
    for (const [key, value] of form) body[key] = key === 'authn_response' ? JSON.parse(value) : value;
    const headers = new Headers(init?.headers);
    headers.set('content-type', 'application/json');
    return fetch(url, { ...init, headers, body: JSON.stringify(body) });
  };
}

/**
 * Exchanges a WebAuthn credential for tokens (`urn:okta:params:oauth:grant-type:webauthn`) and
 * validates the answer's ID token.
 *
 * @throws {TypeError} naming the option that is missing or malformed.
 * @throws {PasskeyGetTokenError} the server refused the credential or the auth session, or no ID token came back.
 * @throws {MfaRequiredError} `mfa_required`, sealed and bound to the audience and scope asked.
 * @throws {IdTokenValidationError}; {@link RequestError} on transport failures.
 */
export async function passkeyGrant(
  transport: Transport,
  options: PasskeyGetTokenOptions,
  target: { audience: string | undefined; scope: string },
): Promise<ExchangedCode> {
  requireObject(options, 'options');
  requireString(options.authSession, 'authSession');
  requireObject(options.credential, 'credential');
  const params: Record<string, string> = {
    auth_session: options.authSession,
    authn_response: JSON.stringify(options.credential),
    scope: target.scope,
    ...place(options),
    ...(target.audience === undefined ? {} : { audience: target.audience }),
  };
  const call = { ...transport.call, [oauth.customFetch]: jsonGrantFetch(transport.call[oauth.customFetch]) };
  // Before the challenge is spent: the answer's ID token needs the keys.
  await transport.keys.ready();
  const response = await exchangeGrant(transport, WEBAUTHN_GRANT, params, { binding: target }, call).catch(
    (err: unknown) => {
      throw refusedAs(
        err,
        (message, answer) => new PasskeyGetTokenError(message, answer),
        'The authorization server refused the passkey (see the error and errorDescription fields)',
      );
    },
  );
  const claims = await validatedClaims(transport, response);
  if (!claims) throw new PasskeyGetTokenError('The token endpoint answered without an ID token');
  return { response, claims };
}
