import * as oauth from 'oauth4webapi';
import { RequestError, type MfaRequiredError } from '../errors/index.js';
import { isRecord } from '../lib/is-record.js';
import { describe, type FetchLike } from './fetch.js';
import { createKeyResolver, type KeyResolver, type KeyResolverOptions } from './jwks.js';
import type { ClientAuthentication } from './client-auth.js';
import {
  fromErrorBody,
  MfaRequiredSignal,
  normalizeError,
  type InvalidGrantMeaning,
  type RawMfaRequired,
} from './normalize.js';

/**
 * What an mfa token is bound to when the SDK seals it: the audience and scope that were asked for,
 * and the session that asked, when there is one. The client id and issuer are always bound.
 */
export interface MfaBinding {
  audience?: string | undefined;
  scope?: string | undefined;
  session?: { sid: string; sub?: string | undefined } | undefined;
}

/** Turns a raw `mfa_required` answer into the error the caller sees, with the token sealed. */
export type MfaSealer = (raw: RawMfaRequired, binding: MfaBinding) => Promise<MfaRequiredError>;

/** Per-call options of {@link Transport.run} and {@link Transport.json}. */
export interface RunOptions {
  /** Whether an `invalid_grant` means the user must log in again (refresh) or is a plain server error. */
  invalidGrant?: InvalidGrantMeaning;
  /** What a token sealed from an `mfa_required` answer is bound to. */
  mfa?: MfaBinding;
}

/** What a {@link Transport} is built from; the ServerClient wires it from the resolved configuration. */
export interface TransportOptions {
  /** The issuer identifier, with its trailing slash (`https://tenant.auth0.com/`). */
  issuer: URL;
  clientId: string;
  /** From `createClientAuth`: how the client authenticates to every endpoint that needs it. */
  clientAuth: ClientAuthentication;
  /** The funnel fetch (see `createFunnelFetch`): timeout, retries and buffering already applied. */
  fetch: FetchLike;
  /** Seconds of clock tolerance for JWT time claims. */
  clockTolerance: number;
  /** Seals the raw token of every `mfa_required` answer before the error leaves the funnel. */
  sealMfa: MfaSealer;
  /** How long the JWKS is kept: `cacheMaxAge` 10 minutes and `cooldown` 30 s by default. */
  jwks?: KeyResolverOptions | undefined;
}

/** Options to pass to every oauth4webapi call so it uses the funnel. */
export type OauthCallOptions = {
  [oauth.customFetch]: FetchLike;
  [oauth.allowInsecureRequests]?: boolean;
};

/** One call to a JSON endpoint of Auth0's MFA API, as {@link Transport.json} sends it. */
export interface JsonRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** JSON body; client authentication fields are added to it when `authenticate` is set. */
  body?: Record<string, unknown>;
  /** Sends `Authorization: Bearer <token>`. */
  bearer?: string;
  /** Adds the client's authentication (`client_id` and its credentials) to the body. */
  authenticate?: boolean;
}

/**
 * The single way this SDK talks to the authorization server. It owns discovery (cached; concurrent
 * first uses share one request; a failure is retried on the next call), the JWKS, client
 * authentication, and the mapping of every failure through {@link normalizeError}.
 */
export class Transport {
  /** The oauth4webapi client: the client id and the clock tolerance. */
  readonly client: oauth.Client;
  /**
   * The server's signing keys, for jose's `jwtVerify`: refetched after 10 minutes, so a removed key
   * stops verifying, and once for an unknown `kid` (at most every 30 s). `keys.ready()` loads them
   * ahead of a grant that spends a one-time credential.
   */
  readonly keys: KeyResolver;
  readonly #options: TransportOptions;
  readonly #call: OauthCallOptions;
  #metadata: Promise<oauth.AuthorizationServer> | undefined;

  constructor(options: TransportOptions) {
    this.#options = options;
    this.client = { client_id: options.clientId, [oauth.clockTolerance]: options.clockTolerance };
    this.#call = {
      [oauth.customFetch]: options.fetch,
      ...(options.issuer.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {}),
    };
    this.keys = createKeyResolver(
      () => this.#jwksUri(),
      (url, init) => this.#run(() => options.fetch(url, init)),
      options.jwks,
    );
  }

  /** Seconds of clock skew tolerated on JWT time claims. */
  get clockTolerance(): number {
    return this.#options.clockTolerance;
  }

  /** The issuer identifier, with its trailing slash. */
  get issuer(): URL {
    return this.#options.issuer;
  }

  /** The client authentication, for oauth4webapi's token, PAR and revocation requests. */
  get clientAuth(): oauth.ClientAuth {
    return this.#options.clientAuth.auth;
  }

  /** The options object that routes an oauth4webapi call through the funnel. */
  get call(): OauthCallOptions {
    return this.#call;
  }

  /** The authorization server's metadata, discovered once. */
  metadata(): Promise<oauth.AuthorizationServer> {
    if (!this.#metadata) {
      const pending = this.#run(async () => {
        const res = await oauth.discoveryRequest(this.#options.issuer, { ...this.#call, algorithm: 'oidc' });
        return oauth.processDiscoveryResponse(this.#options.issuer, res);
      });
      this.#metadata = pending;
      pending.catch(() => {
        if (this.#metadata === pending) this.#metadata = undefined;
      });
    }
    return this.#metadata;
  }

  /**
   * Runs an oauth4webapi request and its processing, mapping every failure to this SDK's errors.
   * `invalidGrant` says whether an `invalid_grant` means the user must log in again.
   */
  async run<T>(
    operation: (as: oauth.AuthorizationServer) => Promise<T>,
    options: RunOptions = {},
  ): Promise<T> {
    const as = await this.metadata();
    return this.#run(() => operation(as), options);
  }

  /**
   * Calls one of Auth0's JSON endpoints that discovery does not list (the MFA API), relative to the
   * issuer. Answers 204 as `undefined`; an error body becomes the matching SDK error.
   */
  async json(path: string, request: JsonRequest, options: RunOptions = {}): Promise<unknown> {
    const as = await this.metadata();
    const url = new URL(path.replace(/^\//, ''), this.#options.issuer);
    const headers = new Headers({ accept: 'application/json' });
    let body: Record<string, unknown> | undefined = request.body;
    if (request.authenticate) {
      const fields = await this.#options.clientAuth.bodyFields(as, this.client);
      body = { client_id: this.#options.clientId, ...fields, ...body };
    }
    if (request.bearer !== undefined) headers.set('authorization', `Bearer ${request.bearer}`);
    if (body !== undefined) headers.set('content-type', 'application/json');

    const res = await this.#run(
      () =>
        this.#options.fetch(url.href, {
          method: request.method,
          headers,
          redirect: 'manual',
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      options,
    );
    const text = await res.text();
    const parsed = parseJson(text);
    if (res.ok) {
      if (text === '') return undefined;
      if (parsed === undefined) {
        throw new RequestError(
          'invalid_response',
          `${describe(url.href)} answered with a body that is not JSON`,
          {
            status: res.status,
          },
        );
      }
      return parsed;
    }
    if (isRecord(parsed) && typeof parsed.error === 'string') {
      throw await this.#finish(fromErrorBody(res.status, parsed, res.headers, options.invalidGrant), options);
    }
    throw new RequestError('invalid_response', `${describe(url.href)} answered HTTP ${res.status}`, {
      status: res.status,
    });
  }

  /** The JWKS URL named by discovery. */
  async #jwksUri(): Promise<string> {
    const { jwks_uri: jwksUri } = await this.metadata();
    if (!jwksUri) throw new RequestError('invalid_response', 'The discovery document has no jwks_uri');
    return jwksUri;
  }

  /** Runs `operation`, passing every failure through the one error funnel. */
  async #run<T>(operation: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    try {
      return await operation();
    } catch (err) {
      const answered = await errorBodyOf(err, options.invalidGrant);
      throw await this.#finish(answered ?? normalizeError(err, options.invalidGrant), options);
    }
  }

  /** The raw mfa token stops here: it is sealed and bound before any caller can see an error. */
  async #finish(err: Error, options: RunOptions): Promise<Error> {
    return err instanceof MfaRequiredSignal ? this.#options.sealMfa(err.raw, options.mfa ?? {}) : err;
  }
}

/**
 * oauth4webapi reads OAuth error bodies only from 4xx answers; Auth0 also sends them with 5xx. Such
 * a body still names the server's `error`, so it becomes the matching error rather than a bare
 * "unusable answer".
 */
async function errorBodyOf(
  err: unknown,
  invalidGrant: InvalidGrantMeaning | undefined,
): Promise<Error | undefined> {
  if (!(err instanceof oauth.OperationProcessingError) || !(err.cause instanceof Response) || err.cause.ok) {
    return undefined;
  }
  const res = err.cause;
  if (res.bodyUsed) return undefined;
  const parsed = parseJson(
    await res
      .clone()
      .text()
      .catch(() => ''),
  );
  if (!isRecord(parsed) || typeof parsed.error !== 'string') return undefined;
  return fromErrorBody(res.status, parsed, res.headers, invalidGrant);
}

/** The parsed body, or `undefined` when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
