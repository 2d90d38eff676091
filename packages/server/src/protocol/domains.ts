import { isLoopback } from '../lib/loopback.js';
import { argumentError, requireString } from '../lib/validate.js';

/**
 * The Auth0 domain of a request, from its `storeOptions` (the peer's `DomainResolver`): several
 * custom domains of one tenant served by one client. Return only hosts you trust (an allow-list):
 * the SDK sends the session's tokens to the domain it returns.
 */
export type DomainResolver<TStoreOptions> = (context?: TStoreOptions) => Promise<string> | string;

/** How many domains a resolving client keeps the discovery, keys and sessions view of at once. */
export const MAX_DOMAINS = 100;

/** One domain: its issuer, its host, and what the client built for it. */
export interface DomainEntry<T> {
  /** The issuer identifier, with its trailing slash. */
  issuer: URL;
  /** What sessions and transactions record (`https://tenant.auth0.com`, the issuer without the slash). */
  recorded: string;
  parts: T;
}

/**
 * `tenant.auth0.com` → `https://tenant.auth0.com/`; `http://127.0.0.1:4400` → `http://127.0.0.1:4400/`.
 *
 * @throws {TypeError} naming `field` when the value is not a host name or an origin, or asks for
 *   plain http on a host that is not loopback.
 */
export function parseDomain(value: unknown, field = 'domain'): URL {
  requireString(value, field);
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  let url: URL;
  try {
    url = new URL(hasScheme ? value : `https://${value}`);
  } catch {
    throw argumentError(`"${field}" must be a host name or an origin such as https://tenant.auth0.com`);
  }
  if (
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw argumentError(`"${field}" must be a host name or an origin, without path, query or credentials`);
  }
  if (!hasScheme && isLoopback(url.hostname)) {
    // A bare loopback host would mean https, which a local server (auth0-emulator) does not speak.
    throw argumentError(
      `"${field}" has no scheme, so https would be assumed; for a local server write it with http://${field === 'domain' ? ` (for example "http://${url.host}")` : ''}`,
    );
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw argumentError(
      `"${field}" may use plain http only for a loopback host (127.0.0.1, [::1], localhost)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw argumentError(`"${field}" must use https`);
  }
  return new URL(`${url.origin}/`);
}

/**
 * Whether a session or transaction that recorded `recorded` was made on `entry`'s domain. The peer
 * records the bare host (`tenant.auth0.com`), this SDK the origin: both are read.
 */
export function madeOn(recorded: unknown, entry: Pick<DomainEntry<unknown>, 'issuer' | 'recorded'>): boolean {
  return recorded === entry.recorded || recorded === entry.issuer.host;
}

/**
 * The per-domain state of a client (discovery, JWKS, the sessions view: whatever `build` makes for
 * an issuer), one entry per domain. A static domain has one entry, built at once; a resolver's
 * domains are built on first use and kept, the least recently used dropped beyond `max`, so a
 * resolver that returns many hosts costs a rebuild, never unbounded memory.
 */
export class Domains<O, T> {
  /** The entry of a static domain; `undefined` with a resolver. */
  readonly fixed: DomainEntry<T> | undefined;
  readonly #resolver: DomainResolver<O> | undefined;
  readonly #build: (issuer: URL, recorded: string) => T;
  readonly #max: number;
  readonly #entries = new Map<string, DomainEntry<T>>();

  /** @throws {TypeError} when `domain` is neither a domain nor a function. */
  constructor(
    domain: string | DomainResolver<O>,
    build: (issuer: URL, recorded: string) => T,
    max = MAX_DOMAINS,
  ) {
    this.#build = build;
    this.#max = max;
    if (typeof domain === 'function') {
      this.#resolver = domain;
      this.fixed = undefined;
    } else {
      this.fixed = this.#entry(parseDomain(domain, 'domain'));
    }
  }

  get resolving(): boolean {
    return this.#resolver !== undefined;
  }

  /**
   * The entry for a request: the static domain's, or the one the resolver names for `storeOptions`.
   *
   * @throws {InvalidConfigurationError} (a `TypeError`, `ERR_INVALID_ARG_*`) when the resolver
   *   returns anything but a domain; what it returned is not repeated.
   */
  async for(storeOptions: O | undefined): Promise<DomainEntry<T>> {
    if (this.fixed) return this.fixed;
    const resolver = this.#resolver;
    if (!resolver) throw argumentError('"domain" is required', 'ERR_INVALID_ARG_TYPE');
    const value = await resolver(storeOptions);
    return this.#entry(parseDomain(value, 'domain()'));
  }

  /**
   * The entry of a domain a transaction recorded, for its completion: where the login started.
   * A transaction without one (written before this SDK recorded it) completes on the request's.
   *
   * @throws {TypeError} when the recorded value is not a domain.
   */
  recordedOr(recorded: unknown, storeOptions: O | undefined): Promise<DomainEntry<T>> {
    if (recorded === undefined) return this.for(storeOptions);
    if (this.fixed && madeOn(recorded, this.fixed)) return Promise.resolve(this.fixed);
    return Promise.resolve(this.#entry(parseDomain(recorded, 'transaction.domain')));
  }

  #entry(issuer: URL): DomainEntry<T> {
    const key = issuer.href;
    const known = this.#entries.get(key);
    if (known) {
      // Most recently used last: Map keeps insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, known);
      return known;
    }
    const recorded = issuer.origin;
    const entry = { issuer, recorded, parts: this.#build(issuer, recorded) };
    if (this.#entries.size >= this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, entry);
    return entry;
  }

  /** How many domains are kept now (tests: the bound). */
  get size(): number {
    return this.#entries.size;
  }
}
