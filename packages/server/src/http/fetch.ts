import { RequestError } from '../errors/index.js';

/** The fetch signature every request to the authorization server goes through. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FunnelFetchOptions {
  /** The user's `customFetch`, or the global `fetch`. */
  fetch: FetchLike;
  /** Deadline in milliseconds for the whole exchange: connection, headers and body. */
  timeoutMs: number;
  /** How many times a safe (GET) request is retried after a network error, 5xx or 429. */
  retries?: number;
  /** For tests: how to wait. */
  sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
/**
 * The longest `Retry-After` (seconds) a GET waits out before its retry: a longer answer is returned
 * as it is, since holding the user's request longer would outlast the app's own timeouts.
 */
const MAX_RETRY_AFTER_SECONDS = 5;

/**
 * Wraps a fetch so that every exchange has a deadline and a buffered body, safe requests are retried
 * with backoff, and transport failures become {@link RequestError}s.
 *
 * The body is read inside the deadline, because a server that sends headers and then stalls would
 * otherwise hang the caller past `httpTimeout` in a later `response.json()`. Only GET is retried: a
 * token request may rotate a refresh token, so repeating one could log the user out.
 */
export function createFunnelFetch(options: FunnelFetchOptions): FetchLike {
  const retries = options.retries ?? 2;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const once = (url: string, init: RequestInit) => exchange(options.fetch, url, init, options.timeoutMs);

  return async (url, init) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET') return once(url, init);

    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined;
      try {
        response = await once(url, init);
      } catch (err) {
        if (attempt >= retries || !(err instanceof RequestError) || init.signal?.aborted) throw err;
      }
      if (response && (!RETRYABLE_STATUS.has(response.status) || attempt >= retries)) return response;
      const retryAfter = response ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
      if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_SECONDS && response) return response;
      await sleep(retryAfter !== undefined ? retryAfter * 1000 : 100 * 2 ** attempt);
    }
  };
}

/** One request with the deadline applied to headers and body alike; the body comes back buffered. */
async function exchange(fetchImpl: FetchLike, url: string, init: RequestInit, timeoutMs: number) {
  const controller = new AbortController();
  const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new RequestError(
          'request_timeout',
          `No complete answer from ${describe(url)} within ${timeoutMs} ms`,
        ),
      );
    }, timeoutMs);
  });
  try {
    const work = (async () => {
      const response = await fetchImpl(url, { ...init, signal });
      const body = await response.arrayBuffer();
      return new Response(body.byteLength === 0 && nullBodyStatus(response.status) ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    })();
    // The losing promise must not surface as an unhandled rejection.
    work.catch(() => undefined);
    return await Promise.race([work, deadline]);
  } catch (err) {
    if (err instanceof RequestError) throw err;
    if (init.signal?.aborted) throw init.signal.reason;
    throw new RequestError(
      'request_failed',
      `Could not reach ${describe(url)}`,
      {},
      { cause: networkCause(err) },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Statuses whose `Response` must be built with a `null` body. */
function nullBodyStatus(status: number) {
  return status === 101 || status === 204 || status === 205 || status === 304;
}

/** Names the endpoint without its query, which may carry parameters that must not be logged. */
export function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'the authorization server';
  }
}

/**
 * What a failed fetch says, reduced to its kind and system error code (`ECONNREFUSED`, ...). The
 * message is dropped: a `customFetch` may put anything in it, request bodies with tokens included.
 */
function networkCause(err: unknown): Error {
  const inner = err instanceof Error ? err.cause : undefined;
  const code =
    typeof inner === 'object' && inner !== null && 'code' in inner && typeof inner.code === 'string'
      ? inner.code
      : err instanceof Error && 'code' in err && typeof err.code === 'string'
        ? err.code
        : undefined;
  const copy = new Error(code === undefined ? 'The request failed' : `The request failed (${code})`);
  copy.name = err instanceof Error ? err.name : 'Error';
  return copy;
}

/** Parses `Retry-After` as seconds (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
