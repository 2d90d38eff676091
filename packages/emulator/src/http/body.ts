import { IncomingMessage } from 'node:http';

/** Request parameters as oidc-provider reads them: single values, or arrays for repeated names. */
export type Params = Record<string, string | string[]>;

/**
 * oidc-provider refuses bodies over 56 KiB with its own 400 `invalid_request`. The fronts read a body
 * before the provider does, so they hold the same limit: one size refuses, one answer comes back.
 */
export const BODY_LIMIT = 56 * 1024;

/** The request body is larger than {@link BODY_LIMIT}. */
export class BodyTooLargeError extends RangeError {
  constructor() {
    super(`request body larger than ${BODY_LIMIT} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The answer oidc-provider gives to a body over its limit, for the fronts that refuse it first. */
export const BODY_TOO_LARGE = {
  status: 400,
  body: { error: 'invalid_request', error_description: 'failed to parse the request body' },
} as const;

/**
 * Reads a request body (small: these are form posts and JSON API calls).
 *
 * @throws BodyTooLargeError over {@link BODY_LIMIT}; the rest of the body is then discarded so the client,
 * still sending, reads the answer instead of a reset connection.
 */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length']) > BODY_LIMIT) throw discard(req);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req.iterator({ destroyOnReturn: false })) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > BODY_LIMIT) throw discard(req);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function discard(req: IncomingMessage): BodyTooLargeError {
  req.resume();
  return new BodyTooLargeError();
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function fromSearchParams(search: URLSearchParams): Params {
  const params: Params = {};
  for (const [key, value] of search) {
    const prior = params[key];
    if (prior === undefined) params[key] = value;
    else params[key] = Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return params;
}

/** A JSON body's top-level object (an empty body is `{}`). @throws SyntaxError for anything else. */
function jsonObject(body: Buffer): Record<string, unknown> {
  const parsed: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SyntaxError('JSON body must be an object');
  }
  return { ...parsed };
}

/**
 * Parses a form or JSON body into parameters. Auth0 accepts JSON at /oauth/token; JSON values that are
 * not strings (numbers, booleans) become strings, arrays become repeated parameters.
 *
 * @throws SyntaxError when the JSON does not parse or is not an object.
 */
export function parseParams(req: IncomingMessage, body: Buffer): Params {
  if (mediaType(req) !== 'application/json')
    return fromSearchParams(new URLSearchParams(body.toString('utf8')));
  const params: Params = {};
  for (const [key, value] of Object.entries(jsonObject(body))) {
    if (value === null || value === undefined) continue;
    params[key] = Array.isArray(value)
      ? value.map(String)
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  }
  return params;
}

/** The parameters of a JSON API body (the MFA API), keeping arrays and non-string values as sent. */
export function parseJsonObject(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  if (mediaType(req) !== 'application/json')
    return fromSearchParams(new URLSearchParams(body.toString('utf8')));
  return jsonObject(body);
}

/** Parameters back to a form body or query string, repeated names as repeated pairs. */
export function toSearchParams(params: Params): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  return search;
}

/**
 * A copy of an already-read request carrying a new form body, so oidc-provider (which reads bodies
 * itself, and only as forms at the token endpoint) sees the normalized parameters.
 */
export function replayAsForm(req: IncomingMessage, params: Params): IncomingMessage {
  const body = Buffer.from(toSearchParams(params).toString());
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.headers = {
    ...req.headers,
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': String(body.length),
  };
  // A message that is not `complete` counts as aborted when it ends, and Node then destroys the socket.
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

/** The first value of a parameter. */
export function param(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A parameter or claim that is a non-empty string, or `undefined` (absent, empty, repeated, another type). */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
