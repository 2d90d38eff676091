import * as oauth from 'oauth4webapi';
import type { OauthCallOptions } from './oauth-call.js';

/**
 * The authorization server's metadata (OpenID Connect discovery), fetched once: concurrent first
 * uses share one request, and a failure is forgotten so the next call tries again. `run` is the
 * transport's error funnel.
 */
export function createDiscovery(
  issuer: URL,
  call: OauthCallOptions,
  run: <T>(operation: () => Promise<T>) => Promise<T>,
): () => Promise<oauth.AuthorizationServer> {
  let metadata: Promise<oauth.AuthorizationServer> | undefined;
  return () => {
    if (!metadata) {
      const pending = run(async () => {
        const res = await oauth.discoveryRequest(issuer, { ...call, algorithm: 'oidc' });
        return oauth.processDiscoveryResponse(issuer, res);
      });
      metadata = pending;
      pending.catch(() => {
        if (metadata === pending) metadata = undefined;
      });
    }
    return metadata;
  };
}
