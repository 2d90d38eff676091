import type { DpopProofSigner } from '../crypto/index.js';
import { DPoPError } from '../errors/index.js';
import { argumentError, optionalString, requireObject, requireString } from '../lib/validate.js';

/** The arguments of `getDPoPHeaders`: the API request the headers are for. */
export interface GetDPoPHeadersOptions {
  /** The request's HTTP method (`GET`, `POST`, ...): the proof's `htm`. */
  method: string;
  /** The request's absolute URL: the proof's `htu` is it without query and fragment. */
  url: string | URL;
  /** The DPoP-bound access token (from `getAccessToken`): the proof's `ath` is its hash. */
  accessToken: string;
  /**
   * The `DPoP-Nonce` the API last answered with (after a 401 with `error="use_dpop_nonce"`). Kept
   * for the API's origin: later calls for that origin use it without being given it again.
   */
  nonce?: string;
}

/** The headers of a DPoP request to an API: spread them into `fetch`'s `headers`. */
export interface DPoPHeaders {
  /** `DPoP <access token>`. */
  Authorization: string;
  /** The proof, signed with the client's DPoP key. */
  DPoP: string;
}

/** How many origins' last nonces are remembered; the oldest is forgotten first. */
const MAX_ORIGINS = 100;

/**
 * The `Authorization` and `DPoP` headers for an API call (RFC 9449 section 7), with one new proof per
 * call, and the last nonce each API origin asked for.
 */
export class DPoPHeaderSource {
  readonly #signer: Promise<DpopProofSigner> | undefined;
  #ready: DpopProofSigner | undefined;
  readonly #nonces = new Map<string, string>();

  /** @param signer the client's proof signer, or `undefined` when the client has no DPoP key. */
  constructor(signer: Promise<DpopProofSigner> | undefined) {
    this.#signer = signer;
    // A key that cannot be imported fails each call that needs it, not the process.
    signer?.catch(() => undefined);
  }

  /**
   * @throws {TypeError} naming `method`, `url`, `accessToken` or `nonce` when missing or malformed.
   * @throws {DPoPError} `dpop_key_required` when the client has no DPoP key.
   */
  async headers(options: GetDPoPHeadersOptions): Promise<DPoPHeaders> {
    requireObject(options, 'options');
    requireString(options.method, 'method');
    requireString(options.accessToken, 'accessToken');
    optionalString(options.nonce, 'nonce');
    const url = targetUrl(options.url);
    if (!this.#signer)
      throw new DPoPError('dpop_key_required', 'getDPoPHeaders needs a client configured with useDpop');
    const signer = (this.#ready ??= await this.#signer);
    if (options.nonce !== undefined) this.#remember(url.origin, options.nonce);
    const proof = await signer({
      htm: options.method.toUpperCase(),
      htu: `${url.origin}${url.pathname}`,
      accessToken: options.accessToken,
      nonce: this.#nonces.get(url.origin),
    });
    return { Authorization: `DPoP ${options.accessToken}`, DPoP: proof };
  }

  #remember(origin: string, nonce: string): void {
    this.#nonces.delete(origin);
    if (this.#nonces.size >= MAX_ORIGINS) {
      const oldest = this.#nonces.keys().next();
      if (!oldest.done) this.#nonces.delete(oldest.value);
    }
    this.#nonces.set(origin, nonce);
  }
}

function targetUrl(value: unknown): URL {
  if (!(value instanceof URL) && typeof value !== 'string')
    throw argumentError('"url" must be a string or a URL', 'ERR_INVALID_ARG_TYPE');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw argumentError('"url" must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw argumentError('"url" must be an absolute http(s) URL');
  return url;
}
