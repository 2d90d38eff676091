// docs/custom-domains.md: one app, several Auth0 custom domains, picked per request.
import type { DomainResolver } from 'auth0-server-ts';
import { auth0, type Auth0AdapterOptions, type AdapterStoreOptions } from 'auth0-server-ts/web';

// #region allow-list
/**
 * The Auth0 custom domain for the host the app was reached on, from an allow-list; any other Host
 * (a header the client chose) gets `fallback`, never a domain made from the header.
 */
export function domainByHost(
  domains: Readonly<Record<string, string>>,
  fallback: string,
): DomainResolver<AdapterStoreOptions> {
  const allowed = new Map(Object.entries(domains).map(([host, domain]) => [host.toLowerCase(), domain]));
  return (storeOptions) => allowed.get(storeOptions?.host?.toLowerCase() ?? '') ?? fallback;
}
// #endregion allow-list

// #region adapter
/** A fetch handler whose `/auth/*` routes log in on the custom domain of the host it was reached on. */
export function createHandler(
  options: Omit<Auth0AdapterOptions, 'domain'>,
  domains: Readonly<Record<string, string>>, // { 'app.brand-b.example': 'login.brand-b.example' }
  fallback: string,
) {
  const auth = auth0({ ...options, domain: domainByHost(domains, fallback) });
  return async (request: Request): Promise<Response> =>
    (await auth.handle(request)) ?? new Response('Not found', { status: 404 });
}
// #endregion adapter
