/**
 * `node --import auth0-emulator/localhost app.js` (or `NODE_OPTIONS="--import auth0-emulator/localhost"`):
 * every connection the process opens by name (node:http, node:https, the global fetch, undici, got, ...)
 * resolves names under `.localhost` to 127.0.0.1, as browsers do (RFC 6761), so an app can use an
 * emulator started with `--host tenant.localhost` without an /etc/hosts line. Other names go to the
 * system resolver as before. Code that imported `lookup` from `node:dns` by name before this ran keeps
 * the original; Node.js's own sockets read `dns.lookup` at each connection and see this one.
 */
import type * as Dns from 'node:dns';
import type { LookupAddress, LookupAllOptions, LookupOneOptions, LookupOptions } from 'node:dns';
import { createRequire } from 'node:module';

// The module object itself (an ESM namespace cannot be written to): what node:net reads at connect.
const dns: typeof Dns = createRequire(import.meta.url)('node:dns');

const PATCHED = Symbol.for('auth0-emulator.localhost-lookup');
const LOOPBACK: LookupAddress = { address: '127.0.0.1', family: 4 };

const isUnderLocalhost = (hostname: unknown): boolean =>
  typeof hostname === 'string' && hostname.toLowerCase().endsWith('.localhost');

/** Whether `options` (a family number or an options object) asks for every address. */
const wantsAll = (options: unknown): boolean =>
  typeof options === 'object' && options !== null && Reflect.get(options, 'all') === true;

if (!Reflect.get(dns, PATCHED)) {
  Reflect.set(dns, PATCHED, true);
  const original = dns.lookup;
  const lookup = (hostname: string, options: unknown, callback?: unknown): void => {
    const done = typeof options === 'function' ? options : callback;
    if (isUnderLocalhost(hostname) && typeof done === 'function') {
      const all = wantsAll(options);
      process.nextTick(() => (all ? done(null, [LOOPBACK]) : done(null, LOOPBACK.address, LOOPBACK.family)));
      return;
    }
    Reflect.apply(
      original,
      dns,
      [hostname, options, callback].filter((arg) => arg !== undefined),
    );
  };
  Reflect.set(dns, 'lookup', lookup);

  const originalPromise = dns.promises.lookup;
  const lookupPromise = (
    hostname: string,
    options?: number | LookupOptions | LookupOneOptions | LookupAllOptions,
  ) =>
    isUnderLocalhost(hostname)
      ? Promise.resolve(wantsAll(options) ? [LOOPBACK] : { ...LOOPBACK })
      : Reflect.apply(
          originalPromise,
          dns.promises,
          options === undefined ? [hostname] : [hostname, options],
        );
  Reflect.set(dns.promises, 'lookup', lookupPromise);
}
