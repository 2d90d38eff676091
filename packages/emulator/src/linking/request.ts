import { decodeJwt } from 'jose';
import type { Client, KoaContextWithOIDC } from 'oidc-provider';
import { errors, interactionPolicy } from '../lib/oidc-provider.js';
import type { AccountLinks } from './links.js';

/** A link or unlink request, as /authorize carried it. */
export interface LinkRequest {
  kind: 'link' | 'unlink';
  /** The connection whose account is linked or unlinked (`requested_connection`). */
  connection: string;
  /** The user the account is linked to: the `sub` of the (validated) `id_token_hint`. */
  primary: string;
}

/** `link` for `link_account` in the scope, `unlink` for `unlink_account`, else `undefined`. */
function kindOf(scope: unknown): LinkRequest['kind'] | undefined {
  const scopes = typeof scope === 'string' ? scope.split(' ') : [];
  if (scopes.includes('link_account')) return 'link';
  if (scopes.includes('unlink_account')) return 'unlink';
  return undefined;
}

/**
 * The link request of an interaction's parameters, or `undefined` for an ordinary login. The hint was
 * validated at /authorize (oidc-provider checks its signature and that it was issued to the client),
 * and the parameters are kept on the server, so its `sub` is read as it is here.
 */
export function linkRequest(params: Record<string, unknown>): LinkRequest | undefined {
  const kind = kindOf(params.scope);
  const connection = params.requested_connection;
  const hint = params.id_token_hint;
  if (!kind || typeof connection !== 'string' || typeof hint !== 'string') return undefined;
  const { sub } = decodeJwt(hint);
  return sub ? { kind, connection, primary: sub } : undefined;
}

type Validator = (ctx: KoaContextWithOIDC, value: string | undefined, client: Client) => void;

/**
 * oidc-provider `extraParams` for account linking, answering `invalid_request` to the redirect URI:
 * a `link_account` or `unlink_account` scope needs `id_token_hint` (whose signature and audience
 * oidc-provider checks) and a `requested_connection` with accounts to link.
 */
export function linkingParams(links: AccountLinks): Record<string, Validator> {
  return {
    requested_connection(ctx, value) {
      const params = ctx.oidc.params ?? {};
      const kind = kindOf(params.scope);
      if (!kind) return;
      if (typeof params.id_token_hint !== 'string' || params.id_token_hint === '')
        throw new errors.InvalidRequest(`id_token_hint is required to ${kind} an account`);
      if (value === undefined || value === '')
        throw new errors.InvalidRequest(`requested_connection is required to ${kind} an account`);
      if (!links.linkable(value))
        throw new errors.InvalidRequest(
          'requested_connection is not a connection whose accounts can be linked',
        );
    },
    requested_connection_scope: () => undefined,
  };
}

/**
 * A login-prompt check: a link or unlink request always shows the emulator's pages (the connection's
 * sign-in, or the unlink confirmation), even in a live session, until they finished the login.
 */
export function linkingCheck(): InstanceType<typeof interactionPolicy.Check> {
  return new interactionPolicy.Check(
    'link_account',
    'account linking needs its pages',
    (ctx: KoaContextWithOIDC) => {
      if (ctx.oidc.result?.login) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      return kindOf(ctx.oidc.params?.scope)
        ? interactionPolicy.Check.REQUEST_PROMPT
        : interactionPolicy.Check.NO_NEED_TO_PROMPT;
    },
  );
}
