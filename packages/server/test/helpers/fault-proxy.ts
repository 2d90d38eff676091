import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The ways the proxy can answer instead of the authorization server. */
export type Fault =
  | 'http_500'
  | 'html_502'
  | 'truncated_json'
  | 'connection_reset'
  | 'hang'
  | 'slow_trickle'
  | 'rate_limited_429';

export const FAULTS: readonly Fault[] = [
  'http_500',
  'html_502',
  'truncated_json',
  'connection_reset',
  'hang',
  'slow_trickle',
  'rate_limited_429',
];

/** Which requests of one caller a fault applies to. */
export interface FaultRule {
  fault: Fault;
  match: (method: string, path: string) => boolean;
}

/** Fields whose values are secrets wherever they appear in a request or an answer body. */
const SECRET_FIELDS = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'mfa_token',
  'code',
  'code_verifier',
  'client_secret',
  'client_assertion',
  'oob_code',
  'binding_code',
  'otp',
  'recovery_code',
  'secret',
  'barcode_uri',
  'logout_token',
]);

/**
 * A loopback HTTP proxy in front of the emulator that answers chosen requests with a fault and
 * forwards the rest. Each caller gets its own `fetch` (tagged with a caller id), so tests that run
 * concurrently fault only their own requests. The fault answers without contacting the emulator:
 * it models a server or network that failed before the server acted.
 *
 * It also records, on the last hop before the emulator, every secret value that crossed the wire
 * (for leak checks) and how often each refresh token was redeemed.
 */
export interface FaultProxy {
  origin: string;
  /** A fetch for caller `id`: rewrites the emulator's origin to the proxy's. */
  fetchFor(id: string): typeof fetch;
  /** Sets (or clears with `undefined`) the fault for caller `id`. */
  setFault(id: string, rule: FaultRule | undefined): void;
  /** How many requests of caller `id` were answered with a fault. */
  faulted(id: string): number;
  /** When (`performance.now()`) the proxy answered caller `id`'s first request with a fault. */
  firstFaultAt(id: string): number | undefined;
  /** Every secret value seen in request and answer bodies so far. */
  secrets(): Set<string>;
  /** Refresh-token grant redemptions per refresh token value. */
  refreshRedemptions: Map<string, number>;
  /** Token endpoint answers with `error: invalid_grant`, seen on the wire. */
  invalidGrants: number;
  close(): Promise<void>;
}

const CALLER = 'x-fault-caller';

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const rules = new Map<string, FaultRule>();
  const faultCounts = new Map<string, number>();
  const firstFaults = new Map<string, number>();
  const secrets = new Set<string>();
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setInterval>>();
  const state = { invalidGrants: 0 };
  const refreshRedemptions = new Map<string, number>();

  const remember = (text: string, contentType: string | undefined) => {
    for (const value of secretValues(text, contentType)) secrets.add(value);
  };

  const answerFault = (fault: Fault, req: IncomingMessage, res: ServerResponse) => {
    switch (fault) {
      case 'http_500':
        return res
          .writeHead(500, { 'content-type': 'application/json' })
          .end('{"error":"server_error","error_description":"Internal error"}');
      case 'html_502':
        return res
          .writeHead(502, { 'content-type': 'text/html' })
          .end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      case 'truncated_json':
        return res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"access_token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0cnVuY2F0');
      case 'connection_reset':
        return req.socket.resetAndDestroy();
      case 'hang':
        return undefined;
      case 'slow_trickle': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a');
        const timer = setInterval(() => res.write('a'), 50);
        timers.add(timer);
        res.on('close', () => {
          clearInterval(timer);
          timers.delete(timer);
        });
        return undefined;
      }
      case 'rate_limited_429':
        return res
          .writeHead(429, { 'content-type': 'application/json', 'retry-after': '120' })
          .end('{"error":"too_many_requests","error_description":"Rate limit exceeded"}');
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const caller = String(req.headers[CALLER] ?? '');
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const rule = rules.get(caller);
      if (rule && rule.match(method, new URL(path, 'http://x').pathname)) {
        faultCounts.set(caller, (faultCounts.get(caller) ?? 0) + 1);
        if (!firstFaults.has(caller)) firstFaults.set(caller, performance.now());
        answerFault(rule.fault, req, res);
        return;
      }
      const body = Buffer.concat(chunks);
      const text = body.toString();
      remember(text, req.headers['content-type']);
      const form = req.headers['content-type']?.includes('x-www-form-urlencoded')
        ? new URLSearchParams(text)
        : undefined;
      const refreshToken = form?.get('grant_type') === 'refresh_token' ? form.get('refresh_token') : null;
      if (refreshToken) refreshRedemptions.set(refreshToken, (refreshRedemptions.get(refreshToken) ?? 0) + 1);

      const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: target.host };
      delete headers[CALLER];
      const out = request({ host: target.hostname, port: target.port, method, path, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          const payload = Buffer.concat(parts);
          const answerText = payload.toString();
          remember(answerText, answer.headers['content-type']);
          if (path.startsWith('/oauth/token') && answerText.includes('"invalid_grant"')) {
            state.invalidGrants += 1;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(payload);
        });
      });
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    fetchFor(id) {
      return async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input.toString());
        if (url.origin !== target.origin) throw new Error('the fault proxy only forwards to its upstream');
        const headers = new Headers(input instanceof Request ? input.headers : undefined);
        new Headers(init?.headers).forEach((v, k) => headers.set(k, v));
        headers.set(CALLER, id);
        return fetch(`${origin}${url.pathname}${url.search}`, { ...init, headers });
      };
    },
    setFault(id, rule) {
      if (rule) rules.set(id, rule);
      else rules.delete(id);
    },
    faulted: (id) => faultCounts.get(id) ?? 0,
    firstFaultAt: (id) => firstFaults.get(id),
    secrets: () => secrets,
    refreshRedemptions,
    get invalidGrants() {
      return state.invalidGrants;
    },
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The values of secret-bearing fields in a form or JSON body (nested JSON included). */
export function secretValues(text: string, contentType: string | undefined): string[] {
  const found: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string' && value.length >= 6) found.push(value);
    if (Array.isArray(value)) value.forEach(add);
  };
  if (contentType?.includes('x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(text)) if (SECRET_FIELDS.has(k)) add(v);
    return found;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return found;
  }
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (SECRET_FIELDS.has(k) || k === 'recovery_codes') add(v);
        else walk(v);
      }
    }
  };
  walk(parsed);
  return found;
}

/** Everything an error exposes, as a log line or an error reporter would see it. */
export function errorSurface(err: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  for (let e: unknown = err; e instanceof Error && !seen.has(e); e = e.cause) {
    seen.add(e);
    parts.push(e.message, String(e.stack), JSON.stringify(e), String(e));
  }
  return parts.join('\n');
}
