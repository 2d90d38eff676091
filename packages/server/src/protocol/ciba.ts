import * as oauth from 'oauth4webapi';
import { BackchannelAuthenticationError } from '../errors/index.js';
import { abortable, aborted, delay, type ErrorAnswer, type Transport } from '../http/index.js';
import { isRecord } from '../lib/is-record.js';
import {
  argumentError,
  optionalString,
  requireMethods,
  requireObject,
  requireString,
} from '../lib/validate.js';
import type { SessionAccess } from '../session/access.js';
import { loggedIn } from '../session/rules.js';
import type { AuthorizationParameters, UserClaims } from '../types.js';
import { withOpenid } from './authorize.js';
import { validatedClaims } from './callback.js';
import { toTokenResponse } from './token-response.js';

/** A Rich Authorization Request entry (RFC 9396): its `type` and the fields that type defines. */
export interface AuthorizationDetails {
  type: string;
  [key: string]: unknown;
}

/** The clock of a CIBA wait; tests pass one that moves without sleeping. */
export interface BackchannelClock {
  /** Milliseconds, as `Date.now()`. */
  now(): number;
  /** Resolves after `ms` milliseconds, or rejects as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Options of `loginBackchannel` and `startBackchannelLogin`. */
export interface LoginBackchannelOptions {
  /** Shown on the user's device and by the app, so the user can tell the request apart (Auth0: at most 64 characters). */
  bindingMessage: string;
  /** The user to ask: their `user_id` (the `sub` of their tokens). */
  loginHint: { sub: string };
  /** Parameters for this request, over the configured ones (`audience`, `scope`, ...); `openid` is always in the scope. */
  authorizationParams?: AuthorizationParameters;
  /** Rich Authorization Request details (RFC 9396): what the user approves, returned with the tokens. */
  authorizationDetails?: AuthorizationDetails[];
  /** Seconds the request may wait for the user, when shorter than the server's default. */
  requestedExpiry?: number;
  /** `loginBackchannel` only: stops waiting (a `request_aborted` RequestError) as soon as it aborts. */
  signal?: AbortSignal;
  /** `loginBackchannel` only: the clock to wait with. Default the system clock; for tests. */
  clock?: BackchannelClock;
}

/** What `loginBackchannel` resolves to. */
export interface LoginBackchannelResult {
  /** The Rich Authorization Request details the user approved, when the request had some. */
  authorizationDetails?: AuthorizationDetails[];
}

/** A started CIBA request, as `startBackchannelLogin` returns it: keep it and pass it to `pollBackchannelLogin`. */
export interface BackchannelLoginStart {
  /** The server's id of the request. Keep it server-side: whoever holds it can collect the tokens. */
  authReqId: string;
  /** Seconds the request waits for the user. */
  expiresIn: number;
  /** Unix seconds at which it expires. */
  expiresAt: number;
  /** Seconds to wait between polls. */
  interval: number;
  /** The audience the tokens are for, so the poll files them under it. */
  audience?: string;
}

/** What one poll found: still waiting (poll again after `interval` seconds), or done and saved. */
export type BackchannelPollResult =
  { status: 'pending'; interval: number } | ({ status: 'complete' } & LoginBackchannelResult);

/** The tokens of an approved request. */
export interface BackchannelTokens {
  response: oauth.TokenEndpointResponse;
  claims: UserClaims | undefined;
}

/** Seconds between polls when the server names no interval (CIBA's default). */
const DEFAULT_INTERVAL = 5;
/** Seconds each `slow_down` adds to the interval. */
const SLOW_DOWN_STEP = 5;
/** Parameters the SDK sets itself; `authorizationParams` cannot override them. */
const RESERVED = new Set([
  'client_id',
  'scope',
  'binding_message',
  'login_hint',
  'redirect_uri',
  'response_type',
]);

/**
 * Checks the options of a CIBA login.
 *
 * @throws {TypeError} naming the field.
 */
export function checkBackchannelOptions(options: LoginBackchannelOptions): void {
  requireObject(options, 'options');
  requireString(options.bindingMessage, 'bindingMessage');
  requireObject(options.loginHint, 'loginHint');
  requireString(options.loginHint.sub, 'loginHint.sub');
  if (options.authorizationParams !== undefined)
    requireObject(options.authorizationParams, 'authorizationParams');
  optionalString(options.authorizationParams?.audience, 'authorizationParams.audience');
  const details = options.authorizationDetails;
  if (
    details !== undefined &&
    (!Array.isArray(details) || !details.every((d) => isRecord(d) && typeof d.type === 'string'))
  ) {
    throw argumentError(
      '"authorizationDetails" must be an array of objects, each with a string "type"',
      'ERR_INVALID_ARG_TYPE',
    );
  }
  const expiry = options.requestedExpiry;
  if (expiry !== undefined && (!Number.isInteger(expiry) || expiry <= 0)) {
    throw argumentError('"requestedExpiry" must be a positive integer (seconds)');
  }
  if (options.clock !== undefined) requireMethods(options.clock, 'clock', ['now', 'sleep']);
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw argumentError('"signal" must be an AbortSignal', 'ERR_INVALID_ARG_TYPE');
  }
}

/**
 * Starts a CIBA request at the server's `backchannel_authentication_endpoint` (Auth0's
 * `/bc-authorize`): the client's authentication, `scope` with `openid`, `binding_message`, the
 * `login_hint` as Auth0 wants it (`{"format":"iss_sub","iss":"<issuer>","sub":"<user>"}`), the
 * audience and any other parameters, and `authorization_details`.
 *
 * @throws {ServerError} `server_error` when the server refuses (`unknown_user_id`, `invalid_binding_message`, ...).
 * @throws {RequestError} on transport failures, or `invalid_response` when discovery lists no CIBA endpoint.
 */
export async function startBackchannelLogin(
  transport: Transport,
  defaults: AuthorizationParameters,
  options: LoginBackchannelOptions,
): Promise<BackchannelLoginStart> {
  const params: AuthorizationParameters = { ...defaults, ...options.authorizationParams };
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || RESERVED.has(key)) continue;
    body.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  body.set('scope', withOpenid(typeof params.scope === 'string' ? params.scope : undefined));
  body.set('binding_message', options.bindingMessage);
  body.set(
    'login_hint',
    JSON.stringify({ format: 'iss_sub', iss: transport.issuer.href, sub: options.loginHint.sub }),
  );
  if (options.requestedExpiry !== undefined) body.set('requested_expiry', String(options.requestedExpiry));
  if (options.authorizationDetails !== undefined) {
    body.set('authorization_details', JSON.stringify(options.authorizationDetails));
  }
  const answer = await transport.run(async (as) => {
    const res = await oauth.backchannelAuthenticationRequest(
      as,
      transport.client,
      transport.clientAuth,
      body,
      transport.call,
    );
    return oauth.processBackchannelAuthenticationResponse(as, transport.client, res);
  });
  return {
    authReqId: answer.auth_req_id,
    expiresIn: answer.expires_in,
    expiresAt: Math.floor(Date.now() / 1000) + answer.expires_in,
    interval: answer.interval ?? DEFAULT_INTERVAL,
    ...(typeof params.audience === 'string' ? { audience: params.audience } : {}),
  };
}

/**
 * Polls the token endpoint once (`grant_type=urn:openid:params:grant-type:ciba`). Still waiting
 * (`authorization_pending`) keeps `interval`; `slow_down` lengthens it by five seconds, or to the
 * server's `Retry-After` when that is longer. An approved request's ID token is validated like a login's.
 *
 * @throws {BackchannelAuthenticationError} `access_denied` or `expired_token`.
 * @throws {IdTokenValidationError} `id_token_invalid`; {@link ServerError}; {@link RequestError}.
 */
export async function pollBackchannelOnce(
  transport: Transport,
  authReqId: string,
  interval: number,
): Promise<{ status: 'pending'; interval: number } | ({ status: 'complete' } & BackchannelTokens)> {
  // Before the request is collected: the answer's ID token needs the keys.
  await transport.keys.ready();
  try {
    const response = await transport.run(
      async (as) => {
        const res = await oauth.backchannelAuthenticationGrantRequest(
          as,
          transport.client,
          transport.clientAuth,
          authReqId,
          transport.call,
        );
        return oauth.processBackchannelAuthenticationGrantResponse(as, transport.client, res);
      },
      { answers: backchannelAnswer },
    );
    return { status: 'complete', response, claims: await validatedClaims(transport, response) };
  } catch (err) {
    if (!(err instanceof StillPending)) throw err;
    const next = err.slowDown ? Math.max(interval + SLOW_DOWN_STEP, err.retryAfter ?? 0) : interval;
    return { status: 'pending', interval: next };
  }
}

/**
 * Polls until the user answers: waits `interval` seconds before each poll (longer after
 * `slow_down`), and gives up with `expired_token` once the next poll would come after the request's
 * `expires_in`, counted from when the wait starts (right after the request was made).
 *
 * @throws {BackchannelAuthenticationError} `access_denied` or `expired_token`.
 * @throws {RequestError} `request_aborted` as soon as `signal` aborts; and what `poll` throws.
 */
export async function waitForBackchannelLogin(
  poll: (interval: number) => ReturnType<typeof pollBackchannelOnce>,
  start: BackchannelLoginStart,
  options: { signal?: AbortSignal | undefined; clock?: BackchannelClock | undefined } = {},
): Promise<BackchannelTokens> {
  const { signal } = options;
  const clock = options.clock ?? systemClock;
  const deadline = clock.now() + start.expiresIn * 1000;
  let interval = start.interval;
  for (;;) {
    if (signal?.aborted) throw aborted(signal.reason);
    if (clock.now() + interval * 1000 > deadline) {
      throw new BackchannelAuthenticationError(
        'expired_token',
        `The user did not answer the request within its ${start.expiresIn} seconds`,
      );
    }
    await clock.sleep(interval * 1000, signal);
    const outcome = await abortable(poll(interval), signal);
    if (outcome.status === 'complete') return outcome;
    interval = outcome.interval;
  }
}

/** The Rich Authorization Request details of a token answer, when it has some. */
export function authorizationDetailsOf(response: oauth.TokenEndpointResponse): LoginBackchannelResult {
  const details: unknown = response.authorization_details;
  return Array.isArray(details) ? { authorizationDetails: details.filter(isDetail) } : {};
}

const isDetail = (value: unknown): value is AuthorizationDetails =>
  isRecord(value) && typeof value.type === 'string';

const systemClock: BackchannelClock = { now: () => Date.now(), sleep: (ms, signal) => delay(ms, signal) };

/** The answer "not yet": internal to the poll, which turns it into a pending result. */
class StillPending extends Error {
  constructor(
    readonly slowDown: boolean,
    readonly retryAfter: number | undefined,
  ) {
    super('authorization pending');
  }
}

/** CIBA's error answers at the token endpoint. */
function backchannelAnswer({ answer }: ErrorAnswer): Error | undefined {
  switch (answer.error) {
    case 'authorization_pending':
      return new StillPending(false, answer.retryAfter);
    case 'slow_down':
      return new StillPending(true, answer.retryAfter);
    case 'access_denied':
      return new BackchannelAuthenticationError('access_denied', 'The user denied the request', answer);
    case 'expired_token':
      return new BackchannelAuthenticationError(
        'expired_token',
        'The request expired before the user answered',
        answer,
      );
    default:
      return undefined;
  }
}

/**
 * Writes an approved request's tokens as a login does: a new session (a new session id), whatever
 * the request carried.
 *
 * @throws {StoreError} `store_unavailable` / `lock_timeout`.
 */
export async function saveBackchannelLogin<TStoreOptions>(
  sessions: SessionAccess<TStoreOptions>,
  tokens: BackchannelTokens,
  filing: { audience: string; scope?: string | undefined },
  storeOptions: TStoreOptions | undefined,
): Promise<LoginBackchannelResult> {
  const answer = { tokens: toTokenResponse(tokens.response), claims: tokens.claims };
  await sessions.update(() => loggedIn(answer, filing), storeOptions);
  return authorizationDetailsOf(tokens.response);
}
