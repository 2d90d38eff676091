import * as oauth from 'oauth4webapi';
import type { DpopKey } from '../crypto/index.js';
import { RequestError } from '../errors/index.js';
import type { ClientAuthentication } from './client-auth.js';
import { createDiscovery } from './discovery.js';
import { checkDpopBound, dpopHandle, withNonceRetry } from './dpop.js';
import type { FetchLike } from './fetch.js';
import { jsonInit, readJson, type JsonRequest } from './json.js';
import { createKeyResolver, type KeyResolver, type KeyResolverOptions } from './jwks.js';
import {
  errorAnswerOf,
  fromErrorAnswer,
  normalizeError,
  type ErrorAnswer,
  type InvalidGrantMeaning,
} from './normalize.js';
import { oauthCallOptions, type OauthCallOptions } from './oauth-call.js';

/** Per-call options of {@link Transport.run} and {@link Transport.json}. */
export interface RunOptions<TBinding = unknown> {
  /** Whether an `invalid_grant` means the user must log in again (refresh) or is a plain server error. */
  invalidGrant?: InvalidGrantMeaning;
  /** Handed to `onErrorAnswer` with an error answer of this call (what a sealed token is bound to). */
  binding?: TBinding;
  /**
   * Maps the error answers that mean something specific to this call (CIBA's `access_denied`, say);
   * `undefined` leaves an answer to the default mapping. Runs after `onErrorAnswer`.
   */
  answers?: (answer: ErrorAnswer) => Error | undefined;
}

/** What a {@link Transport} is built from; the ServerClient wires it from the resolved configuration. */
export interface TransportOptions<TBinding = unknown> {
  /** The issuer identifier, with its trailing slash (`https://tenant.auth0.com/`). */
  issuer: URL;
  clientId: string;
  /** From `createClientAuth`: how the client authenticates to every endpoint that needs it. */
  clientAuth: ClientAuthentication;
  /** The funnel fetch (see `createFunnelFetch`): timeout, retries and buffering already applied. */
  fetch: FetchLike;
  /** Seconds of clock tolerance for JWT time claims. */
  clockTolerance: number;
  /**
   * Sees every OAuth error answer before it is mapped, and may turn it into an error of a layer above
   * (the MFA layer seals `mfa_required` here, so its raw token never leaves the transport);
   * `undefined` leaves it to the default mapping.
   */
  onErrorAnswer?(answer: ErrorAnswer, binding: TBinding | undefined): Promise<Error> | undefined;
  /** How long the JWKS is kept: `cacheMaxAge` 10 minutes and `cooldown` 30 s by default. */
  jwks?: KeyResolverOptions | undefined;
  /**
   * The DPoP key (RFC 9449), when the client uses DPoP: every token-endpoint call then carries a
   * proof, retries once on `use_dpop_nonce`, and must be answered a DPoP token.
   */
  dpop?: { key: Promise<DpopKey>; now: () => number } | undefined;
}

/**
 * The single way this SDK talks to the authorization server: discovery (`discovery.ts`), the JWKS
 * (`jwks.ts`), client authentication (`client-auth.ts`) and JSON calls (`json.ts`) over one funnel
 * fetch, with every failure mapped to this SDK's errors in one place ({@link normalizeError}).
 */
export class Transport<TBinding = unknown> {
  /** The oauth4webapi client: the client id and the clock tolerance. */
  readonly client: oauth.Client;
  /**
   * The server's signing keys, for jose's `jwtVerify`: refetched after 10 minutes, so a removed key
   * stops verifying, and once for an unknown `kid` (at most every 30 s). `keys.ready()` loads them
   * ahead of a grant that spends a one-time credential.
   */
  readonly keys: KeyResolver;
  /** The authorization server's metadata, discovered once. */
  readonly metadata: () => Promise<oauth.AuthorizationServer>;
  /** The options object that routes an oauth4webapi call through the funnel. */
  readonly call: OauthCallOptions;
  readonly #options: TransportOptions<TBinding>;
  readonly #dpop: Promise<oauth.DPoPHandle> | undefined;

  constructor(options: TransportOptions<TBinding>) {
    this.#options = options;
    const dpop = options.dpop;
    this.#dpop = dpop?.key.then((key) => dpopHandle(key, dpop.now));
    // A key that cannot be imported fails each call that needs it, not the process.
    this.#dpop?.catch(() => undefined);
    this.client = { client_id: options.clientId, [oauth.clockTolerance]: options.clockTolerance };
    this.call = oauthCallOptions(options.issuer, options.fetch);
    this.metadata = createDiscovery(options.issuer, this.call, (operation) => this.#run(operation));
    this.keys = createKeyResolver(
      async () => {
        const { jwks_uri: jwksUri } = await this.metadata();
        if (!jwksUri) throw new RequestError('invalid_response', 'The discovery document has no jwks_uri');
        return jwksUri;
      },
      (url, init) => this.#run(() => options.fetch(url, init)),
      options.jwks,
    );
  }

  /** Whether token-endpoint calls carry DPoP proofs. */
  get usesDpop(): boolean {
    return this.#dpop !== undefined;
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

  /**
   * Runs an oauth4webapi request and its processing, mapping every failure to this SDK's errors.
   * `invalidGrant` says whether an `invalid_grant` means the user must log in again.
   */
  async run<T>(
    operation: (as: oauth.AuthorizationServer) => Promise<T>,
    options: RunOptions<TBinding> = {},
  ): Promise<T> {
    const as = await this.metadata();
    if (!this.#dpop) return this.#run(() => operation(as), options);
    // The handle joins the options every call spreads from `call`, once the key is imported.
    this.call.DPoP ??= await this.#dpop;
    return this.#run(async () => checkDpopBound(await withNonceRetry(() => operation(as))), options);
  }

  /**
   * Calls one of Auth0's JSON endpoints that discovery does not list (the MFA API), relative to the
   * issuer. Answers 204 as `undefined`; an error body becomes the matching SDK error.
   */
  async json(path: string, request: JsonRequest, options: RunOptions<TBinding> = {}): Promise<unknown> {
    const { res, url } = await this.send(path, request, options);
    const read = await readJson(res, url);
    if ('error' in read) throw await this.#mapAnswer(read.error, options);
    return read.value;
  }

  /**
   * Sends a JSON request like {@link Transport.json} and returns the answer unread, whatever its
   * status: for Auth0's endpoints whose errors are not OAuth error bodies (`/dbconnections/*`), which
   * the caller maps. Transport failures are still this SDK's errors.
   */
  async send(
    path: string,
    request: JsonRequest,
    options: RunOptions<TBinding> = {},
  ): Promise<{ res: Response; url: string }> {
    const as = await this.metadata();
    const url = new URL(path.replace(/^\//, ''), this.#options.issuer).href;
    let body = request.body;
    if (request.authenticate) {
      const fields = await this.#options.clientAuth.bodyFields(as, this.client);
      body = { client_id: this.#options.clientId, ...fields, ...body };
    }
    const res = await this.#run(() => this.#options.fetch(url, jsonInit(request, body)), options);
    return { res, url };
  }

  /** Runs `operation`, passing every failure through the one error funnel. */
  async #run<T>(operation: () => Promise<T>, options: RunOptions<TBinding> = {}): Promise<T> {
    try {
      return await operation();
    } catch (err) {
      const answer = await errorAnswerOf(err);
      throw answer ? await this.#mapAnswer(answer, options) : normalizeError(err, options.invalidGrant);
    }
  }

  /** An error answer as the hook makes it, else as the default mapping does. */
  async #mapAnswer(answer: ErrorAnswer, options: RunOptions<TBinding>): Promise<Error> {
    return (
      (await this.#options.onErrorAnswer?.(answer, options.binding)) ??
      options.answers?.(answer) ??
      fromErrorAnswer(answer, options.invalidGrant)
    );
  }
}
