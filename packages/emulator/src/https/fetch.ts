import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { request } from 'node:https';

/** RFC 6761 reserves `localhost` and every name under it for loopback; not every resolver knows it. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return name === 'localhost' || name.endsWith('.localhost');
}

/** A DNS lookup that answers loopback for `*.localhost` names, whatever the system resolver says. */
export const localhostLookup: LookupFunction = (hostname, options, callback) => {
  if (hostname.toLowerCase().endsWith('.localhost')) {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  dnsLookup(hostname, options, callback);
};

/**
 * A `fetch` for the emulator's own HTTPS pages that trusts its development CA (and resolves
 * `*.localhost` to loopback), without touching the process's global trust store. It covers what the
 * login driver needs: a method, headers, a string body, manual redirects.
 */
export function trustingFetch(ca: string): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const headers = new Headers(init?.headers);
      const body = typeof init?.body === 'string' ? init.body : undefined;
      const req = request(
        url,
        { method: init?.method ?? 'GET', headers: Object.fromEntries(headers), ca, lookup: localhostLookup },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const answer = new Headers();
            for (const [name, value] of Object.entries(res.headers))
              for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
                answer.append(name, one);
            const status = res.statusCode ?? 502;
            const nullBody = status === 204 || status === 304;
            resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: answer }));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
