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

/** An HTML answer, never cached, that loads nothing from elsewhere. */
export function html(status: number, body: string): AdapterResponse {
  return {
    status,
    headers: {
      ...NO_STORE,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
    body,
  };
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
