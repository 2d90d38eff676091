import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestAuthenticator, generateTotp, type Emulator, type TestPasskeyCredential } from 'auth0-emulator';
import {
  API,
  CLIENT_ID,
  CLIENT_SECRET,
  GRANTS,
  MFA_ACR,
  claims,
  field,
  isRecord,
  manualClock,
  mfaApi,
  start,
} from './support.js';

const WEBAUTHN = 'urn:okta:params:oauth:grant-type:webauthn';
// The app's origin: the origin of the client's redirect URI (the default passkey origin).
const ORIGIN = 'http://127.0.0.1:3000';
const MFA_API = 'https://always.example.com';

type Json = Record<string, unknown>;

/** The app client (its passkeys are made on ORIGIN) and the APIs the tenants below have. */
const APP = {
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
  redirect_uris: [`${ORIGIN}/auth/callback`],
};
const APIS = [
  { audience: API, scopes: ['read:data'] },
  { audience: MFA_API, scopes: ['transfer'], mfa: 'always' as const },
];

async function post(
  em: Emulator,
  path: string,
  body: Json,
  client = { id: CLIENT_ID, secret: CLIENT_SECRET },
) {
  const res = await fetch(new URL(path, em.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: client.id, client_secret: client.secret, ...body }),
  });
  const parsed: unknown = await res.json();
  return { status: res.status, body: isRecord(parsed) ? parsed : {} };
}

const options = (answer: { body: Json }) => answer.body.authn_params_public_key as never;
const session = (answer: { body: Json }) => String(answer.body.auth_session);

function grant(
  em: Emulator,
  authSession: string,
  credential: TestPasskeyCredential | string,
  extra: Json = {},
) {
  return post(em, 'oauth/token', {
    grant_type: WEBAUTHN,
    auth_session: authSession,
    authn_response: credential,
    scope: 'openid email offline_access',
    ...extra,
  });
}

async function signUp(
  em: Emulator,
  authenticator: TestAuthenticator,
  email = 'pat@example.com',
  extra: { organization?: string } = {},
) {
  const challenge = await post(em, 'passkey/register', { user_profile: { email, name: 'Pat' }, ...extra });
  expect(challenge.status).toBe(200);
  return grant(em, session(challenge), authenticator.create(options(challenge), ORIGIN));
}

async function logIn(
  em: Emulator,
  authenticator: TestAuthenticator,
  origin = ORIGIN,
  extra: { organization?: string; audience?: string } = {},
) {
  const { audience, ...body } = extra;
  const challenge = await post(em, 'passkey/challenge', body);
  expect(challenge.status).toBe(200);
  return grant(
    em,
    session(challenge),
    authenticator.get(options(challenge), origin),
    audience ? { audience } : {},
  );
}

/** Enrolls an authenticator app with the mfa_token and answers it (at `now`, the emulator's clock): the MFA grant's answer. */
async function passOtp(em: Emulator, mfaToken: unknown, now = Date.now()) {
  const enrolled = await mfaApi(em, '/mfa/associate', {
    bearer: String(mfaToken),
    body: { authenticator_types: ['otp'] },
  });
  expect(enrolled.status).toBe(200);
  return post(em, 'oauth/token', {
    grant_type: GRANTS.otp,
    mfa_token: mfaToken,
    otp: generateTotp(field(enrolled.body, 'secret'), now),
  });
}

describe('passkeys (native passkey API and the webauthn grant)', () => {
  const clock = manualClock();
  let em: Emulator;
  beforeAll(async () => {
    em = await start(
      {
        clients: [
          { ...APP, post_logout_redirect_uris: [] },
          {
            client_id: 'other',
            client_secret: 'other-secret-at-least-32-characters!',
            redirect_uris: [`${ORIGIN}/cb`],
          },
          { client_id: 'm2m', client_secret: 'm2m-secret-at-least-32-characters!!!' },
        ],
        apis: APIS,
      },
      { now: clock.now },
    );
  });
  beforeEach(() => em.reset());
  afterAll(() => em.close());

  it('a sign-up challenge carries creation options for the client origin, and the grant creates the user', async () => {
    const challenge = await post(em, 'passkey/register', {
      user_profile: { email: 'pat@example.com', name: 'Pat' },
    });
    expect(challenge.body).toMatchObject({
      auth_session: expect.any(String),
      authn_params_public_key: {
        challenge: expect.any(String),
        rp: { id: '127.0.0.1', name: CLIENT_ID },
        user: { name: 'pat@example.com', displayName: 'Pat' },
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      },
    });
    const authenticator = new TestAuthenticator();
    const answer = await grant(em, session(challenge), authenticator.create(options(challenge), ORIGIN), {
      audience: API,
    });
    expect(answer.status).toBe(200);
    const id = claims(answer.body.id_token);
    expect(id).toMatchObject({
      sub: expect.stringMatching(/^auth0\|/),
      email: 'pat@example.com',
      amr: ['passkey'],
    });
    expect(claims(answer.body.access_token)).toMatchObject({ aud: API, sub: id.sub });
    expect(answer.body.refresh_token).toEqual(expect.any(String));
    // The email is now taken: a second sign-up is refused.
    const again = await post(em, 'passkey/register', { user_profile: { email: 'pat@example.com' } });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_signup' } });
  });

  it('a login challenge is answered by the registered passkey, for the same user, again and again', async () => {
    const authenticator = new TestAuthenticator();
    const signedUp = claims((await signUp(em, authenticator)).body.id_token).sub;
    const challenge = await post(em, 'passkey/challenge', { realm: 'Username-Password-Authentication' });
    expect(challenge.body.authn_params_public_key).toMatchObject({
      rpId: '127.0.0.1',
      userVerification: 'required',
    });
    const first = await grant(em, session(challenge), authenticator.get(options(challenge), ORIGIN));
    expect(first.status).toBe(200);
    expect(claims(first.body.id_token).sub).toBe(signedUp);
    const second = await logIn(em, authenticator);
    expect(claims(second.body.id_token).sub).toBe(signedUp);
  });

  it('an authn_response that is a string is refused as Auth0 does', async () => {
    const authenticator = new TestAuthenticator();
    const challenge = await post(em, 'passkey/register', { user_profile: { email: 'pat@example.com' } });
    const answer = await grant(
      em,
      session(challenge),
      JSON.stringify(authenticator.create(options(challenge), ORIGIN)),
    );
    expect(answer).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'authn_response must be of type object' },
    });
  });

  it('a passkey the tenant does not know is 403 invalid_grant', async () => {
    const stranger = new TestAuthenticator();
    const made = await post(em, 'passkey/register', { user_profile: { email: 'x@example.com' } });
    stranger.create(options(made), ORIGIN); // made, but its sign-up never completed
    const answer = await logIn(em, stranger);
    expect(answer).toMatchObject({ status: 403, body: { error: 'invalid_grant' } });
  });

  it('an auth_session answers once, only for its client, and not after it expires', async () => {
    const authenticator = new TestAuthenticator();
    await signUp(em, authenticator);
    const challenge = await post(em, 'passkey/challenge', {});
    const credential = authenticator.get(options(challenge), ORIGIN);
    const otherClient = await post(
      em,
      'oauth/token',
      {
        grant_type: WEBAUTHN,
        auth_session: session(challenge),
        authn_response: credential,
      },
      { id: 'other', secret: 'other-secret-at-least-32-characters!' },
    );
    expect(otherClient).toMatchObject({ status: 403, body: { error: 'invalid_grant' } });
    const late = await post(em, 'passkey/challenge', {});
    const lateCredential = authenticator.get(options(late), ORIGIN);
    clock.advance(5 * 60_000 + 1);
    expect(await grant(em, session(late), lateCredential)).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant' },
    });
    const fresh = await post(em, 'passkey/challenge', {});
    const freshCredential = authenticator.get(options(fresh), ORIGIN);
    expect((await grant(em, session(fresh), freshCredential)).status).toBe(200);
    expect(await grant(em, session(fresh), freshCredential)).toMatchObject({
      status: 403,
      body: { error: 'invalid_grant' },
    });
  });

  it('an assertion from another origin, or whose signature counter did not advance, is refused', async () => {
    const authenticator = new TestAuthenticator();
    await signUp(em, authenticator);
    expect(await logIn(em, authenticator, 'http://evil.example:3000')).toMatchObject({ status: 403 });
    expect((await logIn(em, authenticator)).status).toBe(200);
    authenticator.freezeCounter = true; // a cloned authenticator repeats the counter
    expect(await logIn(em, authenticator)).toMatchObject({ status: 403, body: { error: 'invalid_grant' } });
  });

  it('a passkey user asking for an API that requires MFA gets mfa_required', async () => {
    const authenticator = new TestAuthenticator();
    await signUp(em, authenticator);
    const challenge = await post(em, 'passkey/challenge', {});
    const answer = await grant(em, session(challenge), authenticator.get(options(challenge), ORIGIN), {
      audience: MFA_API,
    });
    expect(answer).toMatchObject({
      status: 403,
      body: { error: 'mfa_required', mfa_token: expect.any(String) },
    });
  });

  it('a client without an origin has no passkeys, and a bad client secret is invalid_client', async () => {
    expect(
      await post(em, 'passkey/challenge', {}, { id: 'm2m', secret: 'm2m-secret-at-least-32-characters!!!' }),
    ).toMatchObject({
      status: 403,
      body: { error: 'unauthorized_client' },
    });
    expect(await post(em, 'passkey/challenge', {}, { id: CLIENT_ID, secret: 'wrong' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
  });

  it('a passkey login says passkey, and after MFA passkey, mfa and the factor (never pwd)', async () => {
    const authenticator = new TestAuthenticator();
    await signUp(em, authenticator);
    const plain = await logIn(em, authenticator);
    expect(claims(plain.body.id_token).amr).toEqual(['passkey']);
    const stepUp = await logIn(em, authenticator, ORIGIN, { audience: MFA_API });
    expect(stepUp).toMatchObject({ status: 403, body: { error: 'mfa_required' } });
    const answer = await passOtp(em, stepUp.body.mfa_token, clock.now());
    expect(answer.status).toBe(200);
    expect(claims(answer.body.id_token)).toMatchObject({ amr: ['passkey', 'mfa', 'otp'], acr: MFA_ACR });
  });

  it('a refresh that steps up after a passkey login keeps passkey as the first factor', async () => {
    const authenticator = new TestAuthenticator();
    await signUp(em, authenticator);
    const login = await logIn(em, authenticator, ORIGIN, { audience: API });
    const refresh = await post(em, 'oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: login.body.refresh_token,
      audience: MFA_API,
    });
    expect(refresh).toMatchObject({ status: 403, body: { error: 'mfa_required' } });
    const answer = await passOtp(em, refresh.body.mfa_token, clock.now());
    expect(answer.status).toBe(200);
    expect(claims(answer.body.id_token).amr).toEqual(['passkey', 'mfa', 'otp']);
  });
});

describe('passkey logins into an organization', () => {
  let em: Emulator;
  const denier = { id: 'denier', secret: 'denier-secret-at-least-32-characters' };
  const requirer = { id: 'requirer', secret: 'requirer-secret-at-least-32-characters' };
  beforeAll(async () => {
    em = await start({
      clients: [
        { ...APP, organization_usage: 'allow' },
        { client_id: denier.id, client_secret: denier.secret, redirect_uris: [`${ORIGIN}/cb`] },
        {
          client_id: requirer.id,
          client_secret: requirer.secret,
          redirect_uris: [`${ORIGIN}/cb2`],
          organization_usage: 'require',
        },
      ],
      apis: APIS,
      organizations: [
        { id: 'org_acme', name: 'acme' },
        { id: 'org_globex', name: 'globex' },
        { id: 'org_initech', name: 'initech', clients: [requirer.id] },
      ],
    });
  });
  beforeEach(() => em.reset());
  afterAll(() => em.close());

  const orgClaims = { org_id: 'org_acme', org_name: 'acme' };

  it('a sign-up into an organization makes the user a member: its tokens, and later logins into it, carry org_id and org_name', async () => {
    const authenticator = new TestAuthenticator();
    const challenge = await post(em, 'passkey/register', {
      user_profile: { email: 'pat@example.com' },
      organization: 'Acme',
    });
    const signedUp = await grant(em, session(challenge), authenticator.create(options(challenge), ORIGIN), {
      audience: API,
    });
    expect(signedUp.status).toBe(200);
    expect(claims(signedUp.body.id_token)).toMatchObject(orgClaims);
    expect(claims(signedUp.body.access_token)).toMatchObject({ aud: API, ...orgClaims });

    const login = await logIn(em, authenticator, ORIGIN, { organization: 'org_acme' });
    expect(login.status).toBe(200);
    expect(claims(login.body.id_token)).toMatchObject(orgClaims);
    const refreshed = await post(em, 'oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: login.body.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(claims(refreshed.body.id_token)).toMatchObject(orgClaims);

    // A login that names no organization is not in one.
    const plain = await logIn(em, authenticator);
    expect(claims(plain.body.id_token)).not.toHaveProperty('org_id');
  });

  it('a login into an organization the user is not a member of is refused, and issues nothing', async () => {
    const authenticator = new TestAuthenticator();
    const sub = claims(
      (await signUp(em, authenticator, 'pat@example.com', { organization: 'acme' })).body.id_token,
    ).sub;
    const refused = await logIn(em, authenticator, ORIGIN, { organization: 'globex' });
    expect(refused).toMatchObject({
      status: 403,
      body: {
        error: 'access_denied',
        error_description: `user ${String(sub)} is not part of the org_globex organization`,
      },
    });
    expect(refused.body).not.toHaveProperty('access_token');
    expect(refused.body).not.toHaveProperty('mfa_token');
  });

  it('a login into an organization that then passes MFA stays in it, with amr passkey, mfa, otp', async () => {
    const authenticator = new TestAuthenticator();
    await signUp(em, authenticator, 'pat@example.com', { organization: 'acme' });
    const stepUp = await logIn(em, authenticator, ORIGIN, { organization: 'acme', audience: MFA_API });
    expect(stepUp).toMatchObject({ status: 403, body: { error: 'mfa_required' } });
    const answer = await passOtp(em, stepUp.body.mfa_token);
    expect(answer.status).toBe(200);
    expect(claims(answer.body.id_token)).toMatchObject({ ...orgClaims, amr: ['passkey', 'mfa', 'otp'] });
    expect(claims(answer.body.access_token)).toMatchObject({ aud: MFA_API, ...orgClaims });
  });

  it('a refresh that steps up after a login into an organization keeps the organization in its ID token', async () => {
    const authenticator = new TestAuthenticator();
    await signUp(em, authenticator, 'pat@example.com', { organization: 'acme' });
    const login = await logIn(em, authenticator, ORIGIN, { organization: 'acme', audience: API });
    const refresh = await post(em, 'oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: login.body.refresh_token,
      audience: MFA_API,
    });
    expect(refresh).toMatchObject({ status: 403, body: { error: 'mfa_required' } });
    const answer = await passOtp(em, refresh.body.mfa_token);
    expect(answer.status).toBe(200);
    expect(claims(answer.body.id_token)).toMatchObject(orgClaims);
  });

  it('an organization the client may not use, or none where the client requires one, is refused at the challenge', async () => {
    const cases: Array<[{ id: string; secret: string } | undefined, string, Json, string]> = [
      [
        undefined,
        'passkey/challenge',
        { organization: 'umbrella' },
        'parameter organization is invalid: no such organization',
      ],
      [
        undefined,
        'passkey/challenge',
        { organization: 'initech' },
        'the client is not enabled for the organization',
      ],
      [
        denier,
        'passkey/challenge',
        { organization: 'acme' },
        'parameter organization is not allowed for this client',
      ],
      [requirer, 'passkey/challenge', {}, 'parameter organization is required for this client'],
      [
        undefined,
        'passkey/register',
        { user_profile: { email: 'new@example.com' }, organization: 'umbrella' },
        'parameter organization is invalid: no such organization',
      ],
    ];
    for (const [client, path, body, description] of cases) {
      const answer = await post(em, path, body, client);
      expect(answer, description).toMatchObject({
        status: 400,
        body: { error: 'invalid_request', error_description: description },
      });
    }
    // The client that requires one may log in to one it is enabled for.
    expect((await post(em, 'passkey/challenge', { organization: 'initech' }, requirer)).status).toBe(200);
  });
});
