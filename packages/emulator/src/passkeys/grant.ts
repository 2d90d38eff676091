import { randomBytes } from 'node:crypto';
import {
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { TokenEndpointGrantContext } from 'oidc-provider';
import type { EmulatorClient, EmulatorUser } from '../config/types.js';
import type { TokenIssuer } from '../grants/issue.js';
import { answerForUser } from '../grants/user-answer.js';
import { nonEmptyString } from '../http/body.js';
import { errors } from '../lib/oidc-provider.js';
import type { MfaService } from '../mfa/index.js';
import type { OrganizationDirectory } from '../orgs/directory.js';
import { GRANT } from '../provider/grant-names.js';
import type { MfaRequirement } from '../provider/mfa-requirement.js';
import { USER_BLOCKED, type UserDirectory } from '../provider/users.js';
import type { PasskeyChallenges, PendingChallenge } from './auth-sessions.js';
import type { PasskeyCredentials } from './credentials.js';
import { relyingParty, type RelyingParty } from './relying-party.js';

/** The parameters oidc-provider passes through to the webauthn grant. */
export const PASSKEY_PARAMETERS = [
  'auth_session',
  'authn_response',
  'realm',
  'scope',
  'resource',
  'audience',
  'organization',
];

/**
 * The `amr` of a passkey login: Auth0 names a passkey first factor `passkey` (its Actions'
 * `event.authentication.methods`), beside `pwd`, `email` and `sms`; MFA adds `mfa` and the factor after it.
 */
export const PASSKEY_AMR = 'passkey';

/** What the webauthn grant needs from the emulator. */
export interface PasskeyGrantDeps {
  users: UserDirectory;
  issuer: TokenIssuer;
  challenges: PasskeyChallenges;
  credentials: PasskeyCredentials;
  registered: EmulatorClient[];
  mfa: MfaService;
  mfaRequirement: MfaRequirement;
  orgs: OrganizationDirectory;
}

type Refusal = { refused: string };

/**
 * Auth0's `urn:okta:params:oauth:grant-type:webauthn` grant: `auth_session` (from /passkey/register or
 * /passkey/challenge) and `authn_response` (the browser's credential). The challenge is spent by the
 * first attempt. A sign-up's attestation creates the user and stores the passkey; a login's assertion
 * is verified against the stored passkey (signature, counter, origin, rpID, user verification).
 * Anything that does not verify answers 403 `invalid_grant`; a user who needs MFA gets `mfa_required`.
 */
export function passkeyGrant(deps: PasskeyGrantDeps) {
  return async (ctx: TokenEndpointGrantContext): Promise<void> => {
    const { params, client } = ctx.oidc;
    const authSession = nonEmptyString(params.auth_session);
    const authnResponse = nonEmptyString(params.authn_response);
    if (!authSession) throw new errors.InvalidRequest('missing required parameter: auth_session');
    if (!authnResponse) throw new errors.InvalidRequest('missing required parameter: authn_response');
    const credential = parseCredential(authnResponse);
    if (!credential) throw new errors.InvalidRequest('authn_response must be of type object');
    const registered = deps.registered.find((c) => c.client_id === client.clientId);
    const rp = registered && relyingParty(registered);
    const pending = deps.challenges.take(authSession, client.clientId);
    if (!rp || !pending) return refuse(ctx, 'The auth_session is invalid or has expired.');
    const verified =
      pending.kind === 'signup'
        ? await signUp(deps, pending, rp, credential)
        : await logIn(deps, pending, rp, credential);
    if ('refused' in verified) return refuse(ctx, verified.refused);
    const { user } = verified;
    if (user.blocked) return refuse(ctx, USER_BLOCKED, 401, 'unauthorized');
    // The organization is the auth_session's (checked for the client when it was asked for).
    const org = pending.organization === undefined ? undefined : deps.orgs.byId(pending.organization);
    if (pending.organization !== undefined && !org) return refuse(ctx, 'The organization no longer exists.');
    if (org && pending.kind === 'signup') deps.orgs.addMembers(org, [user.user_id]);
    if (org && !deps.orgs.isMember(org, user.user_id))
      return refuse(
        ctx,
        `user ${user.user_id} is not part of the ${org.id} organization`,
        403,
        'access_denied',
      );
    await answerForUser(ctx, deps, {
      user,
      scope: nonEmptyString(params.scope) ?? 'openid',
      audience: nonEmptyString(params.resource),
      amr: [PASSKEY_AMR],
      gty: GRANT.webauthn,
      ...(org ? { organization: org.id } : {}),
    });
  };
}

function refuse(
  ctx: TokenEndpointGrantContext,
  description: string,
  status = 403,
  error = 'invalid_grant',
): void {
  ctx.status = status;
  ctx.body = { error, error_description: description };
}

/** The credential of `authn_response`, or undefined when it is not a JSON object with an id. */
function parseCredential(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Verifies a sign-up's attestation; creates the user and keeps the passkey. */
async function signUp(
  deps: PasskeyGrantDeps,
  pending: Extract<PendingChallenge, { kind: 'signup' }>,
  rp: RelyingParty,
  credential: Record<string, unknown>,
): Promise<{ user: EmulatorUser } | Refusal> {
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: credential as unknown as RegistrationResponseJSON,
      expectedChallenge: pending.challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      requireUserVerification: true,
    });
  } catch {
    return { refused: 'The passkey could not be verified.' };
  }
  if (!verification.verified || !verification.registrationInfo)
    return { refused: 'The passkey could not be verified.' };
  // Another sign-up (or a database sign-up) may have taken the email since the challenge.
  if (deps.users.byEmail(pending.profile.email)) return { refused: 'The user already exists.' };
  const { credential: made } = verification.registrationInfo;
  if (deps.credentials.find(made.id)) return { refused: 'The passkey is already registered.' };
  const user: EmulatorUser = {
    user_id: `auth0|${randomBytes(12).toString('hex')}`,
    email: pending.profile.email,
    // A passkey user has no password: this one is random and never told to anyone.
    password: randomBytes(32).toString('base64url'),
    ...(pending.profile.name ? { name: pending.profile.name } : {}),
    mfa: 'off',
    mfa_factors: 1,
    authenticators: [],
    email_verified: false,
    ...(pending.userMetadata ? { user_metadata: pending.userMetadata } : {}),
  };
  deps.users.put(user);
  deps.credentials.add({
    id: made.id,
    userId: user.user_id,
    userHandle: pending.userHandle,
    publicKey: made.publicKey,
    counter: made.counter,
    ...(made.transports ? { transports: made.transports } : {}),
  });
  return { user };
}

/** Verifies a login's assertion against the stored passkey it names. */
async function logIn(
  deps: PasskeyGrantDeps,
  pending: PendingChallenge,
  rp: RelyingParty,
  credential: Record<string, unknown>,
): Promise<{ user: EmulatorUser } | Refusal> {
  const stored = typeof credential.id === 'string' ? deps.credentials.find(credential.id) : undefined;
  const user = stored && deps.users.byId(stored.userId);
  if (!stored || !user) return { refused: 'The passkey is not registered.' };
  const response = credential as unknown as AuthenticationResponseJSON;
  const handle = response.response?.userHandle;
  if (handle !== undefined && handle !== stored.userHandle)
    return { refused: 'The passkey could not be verified.' };
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      credential: { id: stored.id, publicKey: stored.publicKey as never, counter: stored.counter },
      requireUserVerification: true,
    });
    if (!verification.verified) return { refused: 'The passkey could not be verified.' };
    deps.credentials.used(stored.id, verification.authenticationInfo.newCounter);
  } catch {
    // A bad signature, origin or rpID, no user verification, or a counter that did not advance.
    return { refused: 'The passkey could not be verified.' };
  }
  return { user };
}
