import { ChangePasswordError, RequestError, SignUpError, type ServerAnswer } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import { parseJson, parseRetryAfter } from '../http/index.js';
import { isRecord } from '../lib/is-record.js';
import { argumentError, optionalString, requireObject, requireString } from '../lib/validate.js';

/** The optional profile a sign-up sends and its answer repeats. */
export interface SignUpProfile {
  username?: string;
  givenName?: string;
  familyName?: string;
  name?: string;
  nickname?: string;
  picture?: string;
}

/** Options of `client.database.signUp` (the peer's names). */
export interface SignUpOptions extends SignUpProfile {
  email: string;
  password: string;
  /** The database connection, `Username-Password-Authentication` on a new tenant. */
  connection: string;
  /** Another application's client id; default: this client's. */
  clientId?: string;
  /** Up to 10 string values (Auth0's limit). */
  userMetadata?: Record<string, string>;
}

/** The user `signUp` created, in camelCase. */
export interface SignUpResult extends SignUpProfile {
  /** The user's id in the connection (Auth0 answers `_id`; `id` or `user_id` are read too). */
  id?: string;
  email: string;
  emailVerified: boolean;
  userMetadata?: Record<string, unknown>;
}

/** Options of `client.database.changePassword`: `email` or `username`. */
export interface ChangePasswordOptions {
  email?: string;
  username?: string;
  connection: string;
  clientId?: string;
  organization?: string;
}

// Our option name -> Auth0's field, for the optional profile fields of a sign-up.
const PROFILE_FIELDS = [
  ['username', 'username'],
  ['givenName', 'given_name'],
  ['familyName', 'family_name'],
  ['name', 'name'],
  ['nickname', 'nickname'],
  ['picture', 'picture'],
] as const;

/**
 * `client.database`: sign-up and password-change requests for a database connection. They send only
 * the client id (Auth0's endpoints are public) and never touch the session.
 */
export class DatabaseClient<TStoreOptions = unknown> {
  readonly #transport: (storeOptions: TStoreOptions | undefined) => Promise<Transport>;
  readonly #clientId: string;

  /** @internal built by `ServerClient`: `transport` gives the request's domain's funnel. */
  constructor(transport: (storeOptions: TStoreOptions | undefined) => Promise<Transport>, clientId: string) {
    this.#transport = transport;
    this.#clientId = clientId;
  }

  /**
   * Creates a user in a database connection (`POST /dbconnections/signup`). No session is written:
   * log the user in afterwards.
   *
   * @param storeOptions resolve the domain (a `domain` resolver's argument); nothing is read or written.
   * @throws {TypeError} naming the option that is missing or malformed.
   * @throws {SignUpError} `signup_failed`: `error` is Auth0's code (`invalid_signup`, `invalid_password`, ...).
   * @throws {RequestError} on transport failures, or an answer that is not the user.
   * @example
   * ```ts
   * const user = await client.database.signUp({ email, password, connection: 'Username-Password-Authentication' });
   * ```
   */
  async signUp(options: SignUpOptions, storeOptions?: TStoreOptions): Promise<SignUpResult> {
    requireObject(options, 'options');
    requireString(options.email, 'email');
    requireString(options.password, 'password');
    requireString(options.connection, 'connection');
    optionalString(options.clientId, 'clientId');
    const body: Record<string, unknown> = {
      client_id: options.clientId ?? this.#clientId,
      email: options.email,
      password: options.password,
      connection: options.connection,
    };
    for (const [ours, theirs] of PROFILE_FIELDS) {
      optionalString(options[ours], ours);
      if (options[ours] !== undefined) body[theirs] = options[ours];
    }
    if (options.userMetadata !== undefined) {
      requireObject(options.userMetadata, 'userMetadata');
      body.user_metadata = options.userMetadata;
    }
    const answer = await this.#post('dbconnections/signup', body, storeOptions);
    if (!answer.ok)
      throw new SignUpError(
        'The sign-up was refused (see the error and errorDescription fields)',
        answer.refusal,
      );
    return signUpResult(answer.text);
  }

  /**
   * Asks Auth0 to email the user a link to set a new password (`POST /dbconnections/change_password`).
   * The answer is Auth0's plain-text message, the same whether or not the account exists.
   *
   * @param storeOptions resolve the domain (a `domain` resolver's argument); nothing is read or written.
   * @throws {TypeError} without `email` or `username`, or `connection`.
   * @throws {ChangePasswordError} `change_password_failed`: the server refused it.
   * @throws {RequestError} on transport failures.
   * @example
   * ```ts
   * await client.database.changePassword({ email, connection: 'Username-Password-Authentication' });
   * ```
   */
  async changePassword(options: ChangePasswordOptions, storeOptions?: TStoreOptions): Promise<string> {
    requireObject(options, 'options');
    requireString(options.connection, 'connection');
    optionalString(options.email, 'email');
    optionalString(options.username, 'username');
    optionalString(options.clientId, 'clientId');
    optionalString(options.organization, 'organization');
    if (options.email === undefined && options.username === undefined)
      throw argumentError('"email" or "username" is required', 'ERR_INVALID_ARG_TYPE');
    const body: Record<string, unknown> = {
      client_id: options.clientId ?? this.#clientId,
      connection: options.connection,
      ...(options.email === undefined ? {} : { email: options.email }),
      ...(options.username === undefined ? {} : { username: options.username }),
      ...(options.organization === undefined ? {} : { organization: options.organization }),
    };
    const answer = await this.#post('dbconnections/change_password', body, storeOptions);
    if (!answer.ok)
      throw new ChangePasswordError(
        'The password change request was refused (see the error and errorDescription fields)',
        answer.refusal,
      );
    return answer.text;
  }

  async #post(
    path: string,
    body: Record<string, unknown>,
    storeOptions: TStoreOptions | undefined,
  ): Promise<{ ok: true; text: string } | { ok: false; refusal: ServerAnswer }> {
    const transport = await this.#transport(storeOptions);
    const { res } = await transport.send(path, { method: 'POST', body });
    const text = await res.text();
    if (res.ok) return { ok: true, text };
    return { ok: false, refusal: refusalOf(res, text) };
  }
}

/**
 * What a database endpoint's refusal says, in the SDK's fields: Auth0 answers
 * `{ name, code, description, statusCode }` (the description an object for a password-policy
 * refusal, with the message beside it), or an OAuth-style `{ error, error_description }`.
 */
function refusalOf(res: Response, text: string): ServerAnswer {
  const body = parseJson(text);
  const field = (name: string) => (isRecord(body) && typeof body[name] === 'string' ? body[name] : undefined);
  return {
    error: field('code') ?? field('error'),
    errorDescription: field('description') ?? field('error_description') ?? field('message'),
    status: res.status,
    retryAfter: parseRetryAfter(res.headers.get('retry-after')),
  };
}

/** The created user, in camelCase. */
function signUpResult(text: string): SignUpResult {
  const body = parseJson(text);
  if (!isRecord(body) || typeof body.email !== 'string')
    throw new RequestError('invalid_response', 'The sign-up answer is not a user');
  const string = (name: string) => (typeof body[name] === 'string' ? body[name] : undefined);
  const id = string('_id') ?? string('id') ?? string('user_id');
  const result: SignUpResult = { email: body.email, emailVerified: body.email_verified === true };
  if (id !== undefined) result.id = id;
  for (const [ours, theirs] of PROFILE_FIELDS) {
    const value = string(theirs);
    if (value !== undefined) result[ours] = value;
  }
  if (isRecord(body.user_metadata)) result.userMetadata = { ...body.user_metadata };
  return result;
}
