import type { JWK } from 'jose';

/** A request as a fake server reads it: enough to route and answer it. */
export interface FakeRequest {
  method: string;
  path: string;
  /** The body as text: a string or `URLSearchParams` body as sent, any other kind empty. */
  body: string;
}

/** A request the recording server received (`createFakeServer`), with its headers. */
export interface Seen extends FakeRequest {
  headers: Headers;
}

/** Answers one request; `undefined` passes it to the next route (after the last: 404). */
export type Route = (request: Seen) => Response | Promise<Response | undefined> | undefined;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** What a `fetch` call asks for: read from `init` when given, else from a `Request` input. */
export async function readRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<FakeRequest> {
  if (input instanceof Request && init === undefined) {
    return { method: input.method, path: new URL(input.url).pathname, body: await input.text() };
  }
  const url = input instanceof Request ? input.url : input;
  const body = init?.body;
  return {
    method: init?.method ?? 'GET',
    path: new URL(url).pathname,
    body: typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : '',
  };
}

/** The headers of a `fetch` call, from `init` when given, else from a `Request` input. */
export function headersOf(input: string | URL | Request, init: RequestInit | undefined): Headers {
  return input instanceof Request && init === undefined ? input.headers : new Headers(init?.headers);
}

/** The form fields of a form-encoded body, or the members of a JSON body. */
export function fieldsOf(seen: Seen): Record<string, unknown> {
  if (seen.headers.get('content-type')?.includes('json')) {
    const parsed: unknown = JSON.parse(seen.body);
    return typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
  }
  return Object.fromEntries(new URLSearchParams(seen.body));
}

/** Answers `POST /oauth/token` with `answer(fields)`. */
export const tokenEndpoint =
  (answer: (fields: Record<string, unknown>) => Response | Promise<Response>): Route =>
  (request) =>
    request.method === 'POST' && request.path === '/oauth/token' ? answer(fieldsOf(request)) : undefined;

/** The discovery document of a tenant at `issuer`; `par` and `endSession` list the optional endpoints. */
export function discoveryDocument(issuer: string, options: { par?: boolean; endSession?: boolean } = {}) {
  return {
    issuer,
    authorization_endpoint: `${issuer}authorize`,
    token_endpoint: `${issuer}oauth/token`,
    ...(options.par ? { pushed_authorization_request_endpoint: `${issuer}oauth/par` } : {}),
    jwks_uri: `${issuer}.well-known/jwks.json`,
    ...(options.endSession ? { end_session_endpoint: `${issuer}oidc/logout` } : {}),
  };
}

/** A route that serves `document` as the discovery document. */
export const discoveryRoute =
  (document: object): Route =>
  (request) =>
    request.path === '/.well-known/openid-configuration' ? json(document) : undefined;

/** A route that serves `keys` (read on every request) as the JWKS. */
export const jwksRoute =
  (keys: () => JWK[]): Route =>
  (request) =>
    request.path === '/.well-known/jwks.json' ? json({ keys: keys() }) : undefined;
