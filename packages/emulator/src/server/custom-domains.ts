import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { argumentError } from '../lib/validate.js';

/**
 * The issuer of each custom domain: the emulator's scheme and port under that name.
 *
 * @throws {TypeError} when a custom domain is the emulator's own host.
 */
export function customDomainIssuers(issuer: string, names: readonly string[]): string[] {
  const main = new URL(issuer);
  return names.map((name) => {
    if (name === main.hostname)
      throw argumentError(`config.custom_domains names "${name}", the emulator's own host`);
    return `${main.protocol}//${name}:${main.port}/`;
  });
}

/**
 * One listener for several tenants on one port: a request whose Host names a custom domain goes to
 * that domain's tenant, every other one to the main tenant, whose Host check refuses a name it
 * does not know (DNS rebinding stays refused).
 */
export function routeByHost(
  main: RequestListener,
  domains: ReadonlyMap<string, RequestListener>,
): RequestListener {
  if (domains.size === 0) return main;
  return (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host?.toLowerCase();
    const listener = (host !== undefined && domains.get(host)) || main;
    listener(req, res);
  };
}
