import type { ServerResponse } from 'node:http';

/** Sends a JSON answer with the headers Auth0 puts on API responses. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(payload);
}

/** Sends an HTML page that is never cached (login pages carry per-request state). */
export function sendHtml(
  res: ServerResponse,
  status: number,
  document: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(document);
}

/** Redirects, with 303 by default so a form POST is followed by a GET. */
export function redirect(res: ServerResponse, location: string, status = 303): void {
  res.writeHead(status, { location, 'cache-control': 'no-store' });
  res.end();
}
