import type Provider from 'oidc-provider';
import type { RefreshToken } from 'oidc-provider';
import type { ApiRegistry } from './apis.js';

/**
 * Auth0's multi-resource refresh tokens (MRRT), as if every first-party client had a policy allowing
 * every configured API and the MFA API: a refresh_token grant may ask for any of them, not only the
 * audience of the login.
 *
 * oidc-provider only serves a refresh token's own resource indicators (`invalid_target` otherwise), so
 * an audience is added to the token's `resource` list, and the API scopes the request asks for to the
 * token's `scope` and the Grant, before the provider redeems it. Its rotation copies `resource` and
 * `scope`, so later refreshes keep them.
 *
 * A refresh without `audience` must still answer for the login's audience (or none), not for whichever
 * API came last; once `resource` is a list that is no longer in the token, so the audience each chain
 * started with is recorded here and read back by `resourceIndicators.defaultResource`. The record is
 * per refresh token and follows rotation: a grant can hold several chains (a browser session reuses its
 * grant for each login of the same client), each with its own login audience.
 */
export class RefreshAudiences {
  /** Current refresh token id of an extended chain → the audience of its login, or none. */
  readonly #original = new Map<string, string | undefined>();

  constructor(private readonly apis: ApiRegistry) {}

  /**
   * Moves the records to the refresh tokens that replace them, for every grant that rotates one and
   * names both as entities (oidc-provider's refresh grant, and the MFA grants finishing a step-up).
   */
  followRotations(provider: Provider): void {
    provider.on('grant.success', (ctx) => {
      const { RotatedRefreshToken: from, RefreshToken: to } = ctx.oidc.entities;
      if (!from || !to || !this.#original.has(from.jti)) return;
      this.#original.set(to.jti, this.#original.get(from.jti));
      this.#original.delete(from.jti);
    });
  }

  /**
   * Adds `audience` and the scopes of `scope` it defines to the token (in memory: the caller saves or
   * rotates it) and to its Grant (saved). The login's own audience keeps the standard rules: its scopes
   * are the ones granted at login. Returns whether the token changed.
   */
  async extend(
    provider: Provider,
    token: RefreshToken,
    audience: string,
    scope: string | undefined,
  ): Promise<boolean> {
    const api = this.apis.get(audience);
    const original = this.original(token);
    if (!api || audience === original) return false;
    if (!this.#original.has(token.jti)) this.#original.set(token.jti, original);

    const requested = (scope ?? '').split(' ').filter((value) => api.scopes.includes(value));
    token.resource = union([...token.resourceIndicators], [audience]);
    token.scope = union((token.scope ?? '').split(' '), requested).join(' ');

    const grant = token.grantId ? await provider.Grant.find(token.grantId) : undefined;
    grant?.addResourceScope(audience, requested);
    await grant?.save();
    return true;
  }

  /** Whether this token's chain was extended with another audience than the login's. */
  extended(token: RefreshToken): boolean {
    return this.#original.has(token.jti);
  }

  /** The audience a refresh without `audience` answers for: the one the chain started with. */
  original(token: RefreshToken): string | undefined {
    if (this.#original.has(token.jti)) return this.#original.get(token.jti);
    return typeof token.resource === 'string' ? token.resource : undefined;
  }
}

function union(values: Array<string | undefined>, more: string[]): string[] {
  return [...new Set([...values, ...more])].filter((value): value is string => Boolean(value));
}
