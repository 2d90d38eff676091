import type { IncomingMessage, ServerResponse } from 'node:http';
import { generateAuthenticationOptions, generateRegistrationOptions } from '@simplewebauthn/server';
import type { EmulatorClient } from '../config/types.js';
import { DATABASE_CONNECTION } from '../dbconnections/routes.js';
import { nonEmptyString } from '../http/body.js';
import { authenticatedBody, type ClientAuthenticator } from '../http/client-auth.js';
import { sendJson } from '../http/respond.js';
import { isEmail } from '../lib/addresses.js';
import type { OrganizationDirectory } from '../orgs/directory.js';
import { requestedOrganization } from '../orgs/requested.js';
import type { UserDirectory } from '../provider/users.js';
import { CHALLENGE_TTL_MS, type PasskeyChallenges, type SignupProfile } from './auth-sessions.js';
import { relyingParty, type RelyingParty } from './relying-party.js';

/** What the passkey challenge routes need from the emulator. */
export interface PasskeyRouteDeps {
  clients: ClientAuthenticator;
  registered: EmulatorClient[];
  users: UserDirectory;
  challenges: PasskeyChallenges;
  orgs: OrganizationDirectory;
}

type Answer = { status: number; body: unknown };

const bad = (error: string, description: string, status = 400): Answer => ({
  status,
  body: { error, error_description: description },
});

const PROFILE_FIELDS = [
  'name',
  'username',
  'given_name',
  'family_name',
  'nickname',
  'picture',
  'phone_number',
] as const;

/** The authenticated client of a challenge request and its relying party, or the refusal. */
async function caller(
  req: IncomingMessage,
  deps: PasskeyRouteDeps,
): Promise<
  | {
      body: Record<string, unknown>;
      clientId: string;
      rp: RelyingParty;
      organization: { organization?: string };
    }
  | Answer
> {
  const client = await authenticatedBody(req, deps.clients);
  if ('status' in client) return client;
  const { body } = client;
  const registered = deps.registered.find((c) => c.client_id === client.clientId);
  const rp = registered && relyingParty(registered);
  if (!rp)
    return bad('unauthorized_client', 'passkeys are not enabled for this client (it has no origin)', 403);
  const realm = body.realm;
  if (realm !== undefined && realm !== DATABASE_CONNECTION)
    return bad('invalid_request', 'realm must be a database connection with passkeys enabled');
  // Checked as /authorize checks it; there is no login page to prompt for one.
  const found = requestedOrganization(deps.orgs, client.clientId, nonEmptyString(body.organization), false);
  if ('refused' in found) return bad('invalid_request', found.refused);
  const organization = found.org ? { organization: found.org.id } : {};
  return { body, clientId: client.clientId, rp, organization };
}

/** `POST /passkey/register`: creation options for a new user's passkey. */
async function register(req: IncomingMessage, deps: PasskeyRouteDeps): Promise<Answer> {
  const found = await caller(req, deps);
  if ('status' in found) return found;
  const { body, clientId, rp, organization } = found;
  const raw = body.user_profile;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return bad('invalid_request', 'user_profile must be of type object');
  const given = raw as Record<string, unknown>;
  // The emulator's database connection identifies users by email.
  const email = nonEmptyString(given.email);
  if (!email || !isEmail(email)) return bad('invalid_request', 'user_profile.email must be an email address');
  if (deps.users.byEmail(email)) return bad('invalid_signup', 'The user already exists.');
  const profile: SignupProfile = { email };
  for (const field of PROFILE_FIELDS) {
    const value = nonEmptyString(given[field]);
    if (value) profile[field] = value;
  }
  const metadata = body.user_metadata;
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    userName: email,
    userDisplayName: profile.name ?? email,
    attestationType: 'none',
    timeout: CHALLENGE_TTL_MS,
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const authSession = deps.challenges.open({
    kind: 'signup',
    clientId,
    challenge: options.challenge,
    profile,
    userHandle: options.user.id,
    ...(typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)
      ? { userMetadata: { ...(metadata as Record<string, unknown>) } }
      : {}),
    ...organization,
  });
  return { status: 200, body: { auth_session: authSession, authn_params_public_key: options } };
}

/** `POST /passkey/challenge`: request options for a login with any passkey of the relying party. */
async function challenge(req: IncomingMessage, deps: PasskeyRouteDeps): Promise<Answer> {
  const found = await caller(req, deps);
  if ('status' in found) return found;
  const { clientId, rp, organization } = found;
  const options = await generateAuthenticationOptions({
    rpID: rp.rpId,
    userVerification: 'required',
    timeout: CHALLENGE_TTL_MS,
  });
  const authSession = deps.challenges.open({
    kind: 'login',
    clientId,
    challenge: options.challenge,
    ...organization,
  });
  return { status: 200, body: { auth_session: authSession, authn_params_public_key: options } };
}

/** Auth0's native passkey challenge endpoints. Answers false for other paths. */
export async function handlePasskeys(
  deps: PasskeyRouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  if (req.method !== 'POST') return false;
  const route =
    path === '/passkey/register' ? register : path === '/passkey/challenge' ? challenge : undefined;
  if (!route) return false;
  const answer = await route(req, deps);
  sendJson(res, answer.status, answer.body);
  return true;
}
