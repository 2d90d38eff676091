import type Provider from 'oidc-provider';
import { ROUTES } from './configuration.js';

function errorCode(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
}

/**
 * Auth0 answers `invalid_grant` (and `mfa_required`, set by the grants themselves) with 403 where
 * oidc-provider uses 400; SDKs written against Auth0 branch on that status.
 */
export function useAuth0TokenStatuses(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === ROUTES.token && ctx.status === 400 && errorCode(ctx.body) === 'invalid_grant') {
      ctx.status = 403;
    }
  });
}
