import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { TokenEndpointGrantContext } from 'oidc-provider';
import type { EmulatorTokenExchangeProfile } from '../config/types.js';
import { nonEmptyString } from '../http/body.js';
import { errors } from '../lib/oidc-provider.js';
import type { UserDirectory } from '../provider/users.js';
import type { TokenIssuer } from './issue.js';
import { ACR_PWD, GRANT } from '../provider/grant-names.js';
import {
  SESSION_TRANSFER_TOKEN_TYPE,
  SESSION_TRANSFER_TTL,
  type SessionTransfers,
} from './session-transfers.js';

const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token';

/** The parameters oidc-provider passes through to the token-exchange grant. */
export const TOKEN_EXCHANGE_PARAMETERS = [
  'subject_token',
  'subject_token_type',
  'actor_token',
  'actor_token_type',
  'requested_token_type',
  'organization',
  'scope',
  'resource',
  'audience',
];

/** What the token-exchange grant needs from the emulator. */
export interface TokenExchangeDeps {
  users: UserDirectory;
  issuer: TokenIssuer;
  profiles: readonly EmulatorTokenExchangeProfile[];
  /** The emulator's public signing keys: an actor's ID token must be one of its own. */
  publicKeys: JSONWebKeySet;
  /** Session transfer tokens: an exchange for the audience `urn:<host>:session_transfer` mints one. */
  transfers: SessionTransfers;
}

/**
 * Custom Token Exchange (RFC 8693 grant, Auth0's Token Exchange Profiles): the profile for the
 * `subject_token_type` validates the subject token (a fixed map, or a JWT signed by its key) and
 * names the user, as the tenant's Action would; tokens are then issued for that user. An actor token
 * (an ID token of this emulator for this client, or a token another profile validates) puts an `act`
 * claim on the tokens.
 */
export function tokenExchangeGrant(deps: TokenExchangeDeps) {
  const ownKeys = createLocalJWKSet(deps.publicKeys);
  return async (ctx: TokenEndpointGrantContext): Promise<void> => {
    const { params, client, provider } = ctx.oidc;
    const subjectToken = nonEmptyString(params.subject_token);
    const subjectType = nonEmptyString(params.subject_token_type);
    if (!subjectToken) throw new errors.InvalidRequest('missing required parameter: subject_token');
    if (!subjectType) throw new errors.InvalidRequest('missing required parameter: subject_token_type');
    const profile = deps.profiles.find((p) => p.subject_token_type === subjectType);
    if (!profile) throw new errors.InvalidRequest('no Token Exchange Profile for this subject_token_type');
    const userId = await subjectOf(profile, subjectToken);
    if (!userId || !deps.users.byId(userId)) throw new errors.InvalidGrant('Invalid subject token');

    let act: { sub: string } | undefined;
    const actorToken = nonEmptyString(params.actor_token);
    const actorType = nonEmptyString(params.actor_token_type);
    if (!!actorToken !== !!actorType) {
      throw new errors.InvalidRequest('actor_token and actor_token_type go together');
    }
    if (actorToken && actorType) {
      const actor =
        actorType === ID_TOKEN_TYPE
          ? await verifiedSub(() =>
              jwtVerify(actorToken, ownKeys, { issuer: provider.issuer, audience: client.clientId }),
            )
          : await actorOf(deps.profiles, actorType, actorToken);
      if (!actor) throw new errors.InvalidGrant('Invalid actor token');
      act = { sub: actor };
    }
    const audience = nonEmptyString(params.resource);
    if (audience === `urn:${new URL(provider.issuer).host}:session_transfer`) {
      // Auth0 refuses a session transfer token without an actor (the Action must call setActor).
      if (!act) throw new errors.InvalidRequest('setactor_required: a session transfer needs an actor token');
      ctx.body = {
        access_token: deps.transfers.issue(userId, client.clientId),
        issued_token_type: SESSION_TRANSFER_TOKEN_TYPE,
        token_type: 'N_A',
        expires_in: SESSION_TRANSFER_TTL,
      };
      return;
    }
    ctx.body = await deps.issuer.issue(ctx, {
      accountId: userId,
      scope: nonEmptyString(params.scope) ?? 'openid',
      audience,
      amr: ['ext'],
      acr: ACR_PWD,
      authTime: Math.floor(Date.now() / 1000),
      gty: GRANT.tokenExchange,
      ...(act ? { act } : {}),
    });
  };
}

/** The `user_id` a profile finds in a subject token, or `undefined` when it refuses the token. */
async function subjectOf(profile: EmulatorTokenExchangeProfile, token: string): Promise<string | undefined> {
  const mapped =
    profile.subject_tokens && Object.hasOwn(profile.subject_tokens, token)
      ? profile.subject_tokens[token]
      : undefined;
  if (mapped) return mapped;
  const { jwt } = profile;
  if (!jwt) return undefined;
  const key = createLocalJWKSet({ keys: [jwt.jwk] });
  return verifiedSub(() => jwtVerify(token, key, jwt.issuer ? { issuer: jwt.issuer } : {}));
}

async function actorOf(
  profiles: readonly EmulatorTokenExchangeProfile[],
  type: string,
  token: string,
): Promise<string | undefined> {
  const profile = profiles.find((p) => p.subject_token_type === type);
  return profile ? subjectOf(profile, token) : undefined;
}

/** The `sub` of a JWT that verifies, or `undefined` when it does not. */
async function verifiedSub(verify: () => Promise<{ payload: { sub?: string | undefined } }>) {
  try {
    const { payload } = await verify();
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
