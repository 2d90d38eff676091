import { IncomingMessage } from 'node:http';

const LIMIT = 64 * 1024;

/** Request parameters as oidc-provider reads them: single values, or arrays for repeated names. */
export type Params = Record<string, string | string[]>;

/** Reads a request body (small: these are form posts and JSON API calls). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > LIMIT) throw new RangeError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
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
 * itself, and only as forms at the token endpoint) sees the normalised parameters.
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
