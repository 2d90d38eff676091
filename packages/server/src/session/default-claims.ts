import type { UserClaims } from '../types.js';

// The profile claims nextjs-auth0 v4 keeps by default (its DEFAULT_ID_TOKEN_CLAIMS).
const DEFAULT_CLAIMS: ReadonlySet<string> = new Set([
  'sub',
  'name',
  'nickname',
  'given_name',
  'family_name',
  'picture',
  'email',
  'email_verified',
  'org_id',
  'act',
  'urn:auth0:my_org_current_user_permissions',
]);

/**
 * The default profile claims of `claims` (`sub`, `name`, `nickname`, `given_name`, `family_name`,
 * `picture`, `email`, `email_verified`, `org_id`, `act`, `urn:auth0:my_org_current_user_permissions`),
 * without the token's own (`iss`, `aud`, `exp`, `nonce`, ...) and custom claims: the same name and
 * list as nextjs-auth0 v4, for a `beforeSessionSaved` hook that keeps the session small. Pure: it
 * returns a new object.
 *
 * @param claims the user's claims, as `session.user` holds them.
 *
 * @example
 * ```ts
 * const client = new ServerClient({
 *   ...options,
 *   beforeSessionSaved: (session) => ({
 *     ...session,
 *     user: session.user && { ...filterDefaultIdTokenClaims(session.user), roles: session.user['https://app.example.com/roles'] },
 *   }),
 * });
 * ```
 */
export function filterDefaultIdTokenClaims(claims: UserClaims): UserClaims {
  const kept: UserClaims = { sub: claims.sub };
  for (const [name, value] of Object.entries(claims)) {
    if (DEFAULT_CLAIMS.has(name)) kept[name] = value;
  }
  return kept;
}
