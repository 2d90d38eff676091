import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The Host values the emulator answers to: its own loopback names on its own port. A web page that
 * rebinds its DNS name to 127.0.0.1 reaches the socket but sends its own name as Host, so refusing
 * every other value keeps it from reading `/__dev/outbox` or approving pushes (DNS rebinding).
 */
export function loopbackHosts(issuer: string): ReadonlySet<string> {
  const { hostname, port } = new URL(issuer);
  const names = [hostname, '127.0.0.1', 'localhost', '[::1]'];
  // On port 80 the URL drops the port and clients may too.
  return new Set(
    port === '' ? [...names, ...names.map((name) => `${name}:80`)] : names.map((name) => `${name}:${port}`),
  );
}

function longest(names: ReadonlySet<string>): number {
  let max = 0;
  for (const name of names) max = Math.max(max, name.length);
  return max;
}

/**
 * Answers 421 (400 without a Host) in plain text and returns false unless the request's Host is one
 * of `allowed`. The refused value is not echoed: it is attacker-chosen.
 */
export function checkHost(allowed: ReadonlySet<string>, req: IncomingMessage, res: ServerResponse): boolean {
  const host = req.headers.host;
  // Host names are case-insensitive; anything longer than the longest allowed name is refused as is.
  if (host !== undefined && host.length <= longest(allowed) && allowed.has(host.toLowerCase())) return true;
  const [status, text] =
    host === undefined
      ? [400, 'A Host header is required.']
      : [
          421,
          'The Host header does not name this emulator; use its issuer address (its host name, 127.0.0.1, localhost or [::1] with its port).',
        ];
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${text}\n`);
  return false;
}
