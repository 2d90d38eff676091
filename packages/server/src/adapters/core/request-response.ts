/** What the shared routes need from a framework's request. */
export interface AdapterRequest {
  /** `GET`, `POST`, ... */
  method: string;
  /** The path and query as the request line had it (`/auth/callback?code=...`). */
  url: string;
  /** A request header, lower-case name; `undefined` when absent. */
  header(name: string): string | undefined;
  /**
   * The body: a JSON value, or the fields of a form, or `undefined` when there is none.
   *
   * @throws {BodyTooLargeError} past `MAX_BODY_BYTES`, having stopped reading there.
   */
  readBody(): Promise<unknown>;
  /** Aborts when the client goes away (stops a push wait). */
  signal?: AbortSignal;
}

/** What the shared routes answer; each adapter writes it with its framework's response. */
export interface AdapterResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const NO_STORE = { 'cache-control': 'no-store' };

/** A `302` to `location`, never cached. */
export function redirect(location: string): AdapterResponse {
  return { status: 302, headers: { ...NO_STORE, location }, body: '' };
}

/** A JSON answer, never cached. */
export function json(status: number, body: unknown): AdapterResponse {
  return {
    status,
    headers: { ...NO_STORE, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

/**
 * An HTML answer, never cached, that loads nothing from elsewhere and that no page may frame (this
 * policy replaces the app's own, so it must say `frame-ancestors` itself).
 */
export function html(status: number, body: string): AdapterResponse {
  return {
    status,
    headers: {
      ...NO_STORE,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
    body,
  };
}

/**
 * Whether the browser says the request comes from another site: `Sec-Fetch-Site: cross-site`, or an
 * `Origin` other than the app's (`null` included). A request with neither header passes: it is not a
 * browser's, and so cannot carry a victim's cookies on an attacker's behalf.
 */
export function isCrossSite(req: AdapterRequest, appOrigin: string): boolean {
  const origin = req.header('origin');
  return (origin !== undefined && origin !== appOrigin) || req.header('sec-fetch-site') === 'cross-site';
}

/** The `403` to a request {@link isCrossSite} refused, for a client that did not ask for a page. */
export function crossSiteRefused(): AdapterResponse {
  return json(403, { error: 'invalid_request', errorDescription: 'cross-site request refused' });
}

/** Whether the client asked for a page (a browser navigation) rather than data. */
export function wantsHtml(req: AdapterRequest): boolean {
  const method = req.method.toUpperCase();
  return (method === 'GET' || method === 'HEAD') && (req.header('accept') ?? '').includes('text/html');
}

/** Fields of a form body (`application/x-www-form-urlencoded`). */
export function parseForm(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}

/** A body read as text, parsed by its content type: JSON, a form, or the text itself. */
export function parseBody(contentType: string | undefined, text: string): unknown {
  if (text === '') return undefined;
  const type = mediaType(contentType);
  if (type === 'application/json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  if (type === 'application/x-www-form-urlencoded') return parseForm(text);
  return text;
}

/** `application/json` of `Application/JSON; charset=utf-8`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
