import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type Provider from 'oidc-provider';
import { CIBA_INTERVAL_SECONDS, type CibaRequests } from '../ciba/requests.js';
import { ACR_PWD, CIBA_GRANT } from './grant-names.js';
import { errors } from '../lib/oidc-provider.js';
import type { UserDirectory } from './users.js';

/** Auth0's rule for `binding_message`: required, at most 64 of letters, digits, spaces and `+-_.,:#`. */
const BINDING_MESSAGE = /^[A-Za-z0-9\s+\-_.,:#]{1,64}$/;

/** Seconds a request lives unless `requested_expiry` asks for less (Auth0's default and maximum). */
const MAX_EXPIRY_SECONDS = 300;

/**
 * oidc-provider's CIBA in poll mode, as Auth0 speaks it: `login_hint` is the JSON
 * `{"format":"iss_sub","iss":"<issuer>","sub":"<user_id>"}`, `binding_message` is required, and a
 * request waits in `requests` for the user to approve or deny it (the page and `/__dev/ciba`).
 */
export function cibaFeature(
  users: UserDirectory,
  requests: CibaRequests,
): NonNullable<NonNullable<Configuration['features']>['ciba']> {
  return {
    enabled: true,
    deliveryModes: ['poll'],
    processLoginHint(ctx, loginHint) {
      const hint = loginHint === undefined ? undefined : parseHint(loginHint);
      if (!hint || hint.format !== 'iss_sub' || hint.iss !== ctx.oidc.issuer) {
        throw new errors.InvalidRequest(
          'login_hint must be the JSON {"format":"iss_sub","iss":"<this issuer>","sub":"<user id>"}',
        );
      }
      if (typeof hint.sub !== 'string' || !users.byId(hint.sub)) throw new errors.UnknownUserId();
      return hint.sub;
    },
    processLoginHintToken() {
      throw new errors.InvalidRequest('login_hint_token is not supported; use login_hint');
    },
    validateBindingMessage(_ctx, bindingMessage) {
      if (typeof bindingMessage !== 'string' || !BINDING_MESSAGE.test(bindingMessage)) {
        throw new errors.InvalidBindingMessage(
          'binding_message is required: 1 to 64 letters, digits, spaces or +-_.,:#',
        );
      }
    },
    validateRequestContext() {},
    verifyUserCode() {},
    triggerAuthenticationDevice(ctx, request, account, client) {
      const { jti, resource } = request;
      if (jti === undefined) throw new Error('the saved request has no id');
      requests.add({
        id: jti,
        clientId: client.clientId,
        userId: account.accountId,
        bindingMessage: String(request.params?.binding_message ?? ''),
        scope: request.scope ?? 'openid',
        audience: typeof resource === 'string' ? resource : undefined,
        authorizationDetails: requests.take(ctx.req),
        expiresIn: request.expiration,
      });
      return Promise.resolve();
    },
  };
}

/** `ttl.BackchannelAuthenticationRequest`: `requested_expiry` when shorter than Auth0's 300 s. */
export function cibaExpiry(ctx: KoaContextWithOIDC): number {
  const requested = Number(ctx.oidc.params?.requested_expiry);
  return Number.isInteger(requested) && requested > 0
    ? Math.min(requested, MAX_EXPIRY_SECONDS)
    : MAX_EXPIRY_SECONDS;
}

function parseHint(value: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The user's answer to a pending request: approving grants the requested scopes (and the API's,
 * when an audience was asked for) and lets the next poll issue the tokens; denying makes it answer
 * `access_denied`. False when there is no such pending request.
 */
export async function answerCiba(
  provider: Provider,
  requests: CibaRequests,
  id: string,
  approve: boolean,
  now: () => number,
): Promise<boolean> {
  const request = requests.get(id);
  if (!request || !requests.settle(id, approve ? 'approved' : 'denied')) return false;
  if (!approve) {
    await provider.backchannelResult(id, new errors.AccessDenied('the user denied the request'));
    return true;
  }
  const grant = new provider.Grant({ accountId: request.userId, clientId: request.clientId });
  grant.addOIDCScope(request.scope);
  if (request.audience) grant.addResourceScope(request.audience, request.scope);
  await grant.save();
  await provider.backchannelResult(id, grant, {
    acr: ACR_PWD,
    amr: ['pwd'],
    authTime: Math.floor(now() / 1000),
  });
  return true;
}

/**
 * What Auth0 adds to oidc-provider's CIBA answers: `interval` on `/bc-authorize`, and the request's
 * `authorization_details` on the tokens.
 */
export function useCibaAnswers(
  provider: Provider,
  requests: CibaRequests,
  routes: { ciba: string; token: string },
): void {
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.status !== 200 || !isRecord(ctx.body)) return;
    if (ctx.path === routes.ciba && typeof ctx.body.auth_req_id === 'string') {
      ctx.body = {
        ...ctx.body,
        interval: requests.get(ctx.body.auth_req_id)?.interval ?? CIBA_INTERVAL_SECONDS,
      };
      return;
    }
    const id = ctx.oidc?.params?.auth_req_id;
    if (ctx.path === routes.token && ctx.oidc?.params?.grant_type === CIBA_GRANT && typeof id === 'string') {
      const details = requests.get(id)?.authorizationDetails;
      if (details) ctx.body = { ...ctx.body, authorization_details: details };
    }
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
