import * as oauth from 'oauth4webapi';
import type { Auth0Error } from '../errors/index.js';
import {
  PasswordlessStartError,
  PasswordlessVerifyError,
  ServerError,
  type ServerAnswer,
} from '../errors/index.js';
import type { Transport } from '../http/index.js';
import { argumentError, optionalString, requireObject, requireString } from '../lib/validate.js';
import type { AuthorizationParameters, TransactionData } from '../types.js';
import { withOpenid } from './authorize.js';
import { exchangeCode, validatedClaims, type ExchangedCode } from './callback.js';

/** Start an email code login (`send: 'code'`, the default). */
export interface StartPasswordlessEmailCodeOptions {
  connection: 'email';
  /** The address the code is sent to. */
  email: string;
  send?: 'code';
  /** A BCP 47 language tag for the message, sent as `x-request-language`. */
  language?: string;
}

/** Start an email magic-link login; complete it with `completePasswordlessMagicLink`. */
export interface StartPasswordlessEmailLinkOptions {
  connection: 'email';
  email: string;
  send: 'link';
  /** Where the link brings the browser back, with `code` and `state`: a callback URL of the application. */
  redirectUri: string;
  /** More authorization parameters for the link; `client_id`, `response_type` and `state` are the SDK's. */
  authParams?: Record<string, unknown>;
  /** Scope of the tokens (`openid` is always added). Default: the configured scope. */
  scope?: string;
  /** Audience of the access token. Default: the configured one. */
  audience?: string;
  language?: string;
}

/** Start an SMS code login (SMS has no magic link). */
export interface StartPasswordlessSmsOptions {
  connection: 'sms';
  /** E.164, `+14155550100`. */
  phoneNumber: string;
  language?: string;
}

/** Options of `startPasswordless`, discriminated by `connection` and, for email, `send`. */
export type StartPasswordlessOptions =
  StartPasswordlessEmailCodeOptions | StartPasswordlessEmailLinkOptions | StartPasswordlessSmsOptions;

/** Complete an email code login. */
export interface CompletePasswordlessEmailOptions {
  connection: 'email';
  email: string;
  /** The code the user received. */
  verificationCode: string;
  /** `audience` and `scope` of the tokens, over the configured ones. */
  authorizationParams?: AuthorizationParameters;
}

/** Complete an SMS code login. */
export interface CompletePasswordlessSmsOptions {
  connection: 'sms';
  phoneNumber: string;
  verificationCode: string;
  authorizationParams?: AuthorizationParameters;
}

/** Options of `completePasswordless`, discriminated by `connection`. */
export type CompletePasswordlessOptions = CompletePasswordlessEmailOptions | CompletePasswordlessSmsOptions;

/** What a passwordless login returns; the session is written. `authorizationDetails` when RAR was used. */
export interface CompletePasswordlessResult {
  authorizationDetails?: unknown[];
}

const OTP_GRANT = 'http://auth0.com/oauth/grant-type/passwordless/otp';
// What a magic link's `authParams` may not override: the SDK's binding of the link to its transaction.
const RESERVED_LINK_PARAMS = new Set(['client_id', 'response_type', 'state', 'redirect_uri']);
const E164 = /^\+[1-9]\d{1,14}$/;

/** The `flow` of a magic link's transaction: only `completePasswordlessMagicLink` completes it. */
export const MAGIC_LINK_FLOW = 'magic_link';

/** A started magic link: the `state` it carries and the transaction that waits for it. */
export interface StartedMagicLink {
  state: string;
  transaction: TransactionData;
}

/**
 * Sends `POST /passwordless/start` with the client's authentication. For a magic link it also makes
 * the `state` and the transaction (no PKCE: Auth0's link has none, so the browser binding and `state`
 * are what tie the landing to this start).
 *
 * @throws {TypeError} naming the option that is missing or malformed.
 * @throws {PasswordlessStartError} `passwordless_start_failed`: the server refused it.
 * @throws {RequestError} on transport failures.
 */
export async function startPasswordless(
  transport: Transport,
  defaults: AuthorizationParameters,
  options: StartPasswordlessOptions,
): Promise<StartedMagicLink | undefined> {
  requireObject(options, 'options');
  optionalString(options.language, 'language');
  const body: Record<string, unknown> = { connection: options.connection };
  let started: StartedMagicLink | undefined;
  if (options.connection === 'sms') {
    requireString(options.phoneNumber, 'phoneNumber');
    if (!E164.test(options.phoneNumber))
      throw argumentError('"phoneNumber" must be in E.164 format (+14155550100)');
    body.phone_number = options.phoneNumber;
  } else if (options.connection === 'email') {
    requireString(options.email, 'email');
    body.email = options.email;
    body.send = options.send ?? 'code';
    if (options.send === 'link') {
      const link = magicLink(defaults, options);
      started = link.started;
      body.authParams = link.authParams;
    } else if (options.send !== undefined && options.send !== 'code') {
      throw argumentError('"send" must be "code" or "link"');
    }
  } else {
    throw argumentError('"connection" must be "email" or "sms"');
  }
  const headers = options.language === undefined ? undefined : { 'x-request-language': options.language };
  try {
    await transport.json('passwordless/start', {
      method: 'POST',
      body,
      authenticate: true,
      ...(headers ? { headers } : {}),
    });
  } catch (err) {
    throw retyped(
      err,
      PasswordlessStartError,
      'The authorization server refused to start the passwordless login',
    );
  }
  return started;
}

/** The state and transaction of a magic link, and the `authParams` the link carries. */
function magicLink(
  defaults: AuthorizationParameters,
  options: StartPasswordlessEmailLinkOptions,
): { started: StartedMagicLink; authParams: Record<string, unknown> } {
  requireString(options.redirectUri, 'redirectUri');
  if (!URL.canParse(options.redirectUri)) throw argumentError('"redirectUri" must be an absolute URL');
  optionalString(options.scope, 'scope');
  optionalString(options.audience, 'audience');
  if (options.authParams !== undefined) requireObject(options.authParams, 'authParams');
  const state = oauth.generateRandomState();
  const scope = withOpenid(options.scope ?? stringParam(defaults.scope));
  const audience = options.audience ?? stringParam(defaults.audience);
  const extra = Object.entries(options.authParams ?? {}).filter(([key]) => !RESERVED_LINK_PARAMS.has(key));
  const authParams = {
    ...Object.fromEntries(extra),
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope,
    state,
    ...(audience === undefined ? {} : { audience }),
  };
  const transaction: TransactionData = {
    state,
    scope,
    redirectUri: options.redirectUri,
    flow: MAGIC_LINK_FLOW,
    ...(audience === undefined ? {} : { audience }),
  };
  return { started: { state, transaction }, authParams };
}

/**
 * Redeems a passwordless code with Auth0's `passwordless/otp` grant and validates the answer's ID
 * token (signature, `iss`, `aud`, `exp`).
 *
 * @throws {TypeError} naming the option that is missing or malformed.
 * @throws {PasswordlessVerifyError} `passwordless_verify_failed`: wrong, expired or used-up code, or no ID token.
 * @throws {MfaRequiredError} `mfa_required`, sealed and bound to the audience and scope asked.
 * @throws {IdTokenValidationError} `id_token_invalid`; {@link RequestError} on transport failures.
 */
export async function passwordlessOtpGrant(
  transport: Transport,
  options: CompletePasswordlessOptions,
  target: { audience: string | undefined; scope: string },
): Promise<ExchangedCode> {
  requireObject(options, 'options');
  requireString(options.verificationCode, 'verificationCode');
  let username: string;
  if (options.connection === 'email') {
    requireString(options.email, 'email');
    username = options.email;
  } else if (options.connection === 'sms') {
    requireString(options.phoneNumber, 'phoneNumber');
    username = options.phoneNumber;
  } else {
    throw argumentError('"connection" must be "email" or "sms"');
  }
  const params = new URLSearchParams({
    username,
    otp: options.verificationCode,
    realm: options.connection,
    scope: target.scope,
  });
  if (target.audience !== undefined) params.set('audience', target.audience);
  // Before the code is spent: the answer's ID token needs the keys.
  await transport.keys.ready();
  let response: oauth.TokenEndpointResponse;
  try {
    response = await transport.run(
      async (as) => {
        const res = await oauth.genericTokenEndpointRequest(
          as,
          transport.client,
          transport.clientAuth,
          OTP_GRANT,
          params,
          transport.call,
        );
        return oauth.processGenericTokenEndpointResponse(as, transport.client, res);
      },
      { binding: target },
    );
  } catch (err) {
    throw retyped(err, PasswordlessVerifyError, 'The authorization server refused the passwordless code');
  }
  const claims = await validatedClaims(transport, response);
  if (!claims) throw new PasswordlessVerifyError('The token endpoint answered without an ID token');
  return { response, claims };
}

/**
 * A server's refusal as the passwordless error class, with its answer; anything else (a transport
 * failure, `mfa_required`, an ID token error) as it was.
 */
function retyped(
  err: unknown,
  As: new (message: string, answer: ServerAnswer, options: { cause: unknown }) => Auth0Error,
  message: string,
): unknown {
  if (!(err instanceof ServerError)) return err;
  return new As(`${message} (see the error and errorDescription fields)`, err, { cause: err });
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Exchanges a magic link's code, without PKCE (the link had no challenge), and validates the answer
 * as an interactive login's.
 *
 * @throws as {@link exchangeCode}.
 */
export function exchangeMagicLinkCode(
  transport: Transport,
  url: URL,
  transaction: TransactionData,
): Promise<ExchangedCode> {
  return exchangeCode(transport, url, transaction, oauth.nopkce);
}
