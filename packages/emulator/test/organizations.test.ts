import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, type Emulator } from 'auth0-emulator';

import {
  API,
  CLIENT_ID,
  CLIENT_SECRET,
  REDIRECT_URI,
  authorizeUrl,
  claims,
  codeFlow,
  pkce,
  ORGANIZATION_CLIENT,
  loginError as loginErrorAs,
  start,
  token,
} from './support.js';

const REQUIRING = 'b2b';
const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };
const BOB = { email: 'bob@example.com', password: 'Passw0rd!' };

const loginError = (em: Emulator, params: Record<string, string>, login = ALICE, clientId = CLIENT_ID) =>
  loginErrorAs(em, { client_id: clientId, ...params }, login);

describe('organizations', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start({
      clients: [
        ORGANIZATION_CLIENT,
        {
          client_id: REQUIRING,
          client_secret: CLIENT_SECRET,
          redirect_uris: [REDIRECT_URI],
          organization_usage: 'require',
          organization_require_behavior: 'pre_login_prompt',
        },
        { client_id: 'plain', client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI] },
      ],
      users: [
        { user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' },
        { user_id: 'auth0|bob', email: 'bob@example.com', password: 'Passw0rd!' },
        { user_id: 'auth0|dave', email: 'dave@example.com', password: 'Passw0rd!' },
      ],
      organizations: [
        { id: 'org_acme', name: 'acme', display_name: 'Acme Corp', members: ['auth0|alice'] },
        { id: 'org_globex', name: 'globex', members: ['auth0|bob'], clients: [REQUIRING] },
      ],
    });
  });
  afterAll(() => em.close());

  it('puts org_id and org_name in the ID token and the access token of a login by id', async () => {
    const body = await codeFlow(em, ALICE, {
      organization: 'org_acme',
      scope: 'openid offline_access',
      audience: API,
    });
    expect(claims(body.id_token)).toMatchObject({ sub: 'auth0|alice', org_id: 'org_acme', org_name: 'acme' });
    expect(claims(body.access_token)).toMatchObject({ org_id: 'org_acme', org_name: 'acme' });
  });

  it('takes the organization by name, case-insensitively, and keeps it through refreshes', async () => {
    const body = await codeFlow(em, ALICE, { organization: 'ACME', scope: 'openid offline_access' });
    expect(claims(body.id_token)).toMatchObject({ org_id: 'org_acme', org_name: 'acme' });
    const refreshed = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: String(body.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect(claims(refreshed.body.id_token)).toMatchObject({ org_id: 'org_acme', org_name: 'acme' });
  });

  it('issues tokens without organization claims to a login without one', async () => {
    const body = await codeFlow(em, ALICE, { scope: 'openid' });
    expect(claims(body.id_token)).not.toHaveProperty('org_id');
  });

  it('refuses a non-member with access_denied at the redirect URI, as Auth0 does', async () => {
    expect(await loginError(em, { organization: 'org_acme' }, BOB)).toEqual({
      error: 'access_denied',
      description: 'user auth0|bob is not part of the org_acme organization',
    });
  });

  it('lets a session of a member in without the login page, and sends a non-member to it', async () => {
    const aliceJar = new CookieJar();
    await codeFlow(em, ALICE, {}, { jar: aliceJar });
    const { challenge } = pkce();
    const url = authorizeUrl(em, {
      organization: 'org_acme',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 's',
    });
    // No password given: the driver fails if a login page shows.
    const sso = await em.login(url, { email: '', password: '', jar: aliceJar });
    expect(new URL(sso).searchParams.get('code')).toBeTruthy();

    const bobJar = new CookieJar();
    await codeFlow(em, BOB, {}, { jar: bobJar });
    const refused = new URL(await em.login(url, { ...BOB, jar: bobJar }));
    expect(refused.searchParams.get('error')).toBe('access_denied');
  });

  it('answers invalid_request for an unknown organization, a client that denies them and a client the organization does not enable', async () => {
    expect((await loginError(em, { organization: 'org_nope' })).error).toBe('invalid_request');
    expect(await loginError(em, { organization: 'org_acme' }, ALICE, 'plain')).toMatchObject({
      error: 'invalid_request',
      description: 'parameter organization is not allowed for this client',
    });
    expect((await loginError(em, { organization: 'org_globex' })).error).toBe('invalid_request');
  });

  it('prompts for the organization on the login page when the client requires one', async () => {
    const { challenge } = pkce();
    const url = authorizeUrl(em, {
      client_id: REQUIRING,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 's',
    });
    // The driver types the organization only into a page that has the field.
    const redirect = await em.login(url, { ...BOB, organization: 'globex' });
    expect(new URL(redirect).searchParams.get('code')).toBeTruthy();
    await expect(em.login(url, { ...BOB, organization: 'nope' })).rejects.toThrow(
      'No organization by that name.',
    );
    const notMember = new URL(await em.login(url, { ...BOB, organization: 'acme' }));
    expect(notMember.searchParams.get('error')).toBe('access_denied');
  });

  it('refuses invitation without organization before any login', async () => {
    expect(await loginError(em, { invitation: 'abc' })).toMatchObject({ error: 'invalid_request' });
  });

  it('accepts an invitation once, for the invited email only, and makes the invitee a member', async () => {
    const invitation = em.invite({ organization: 'acme', email: 'dave@example.com', clientId: CLIENT_ID });
    const link = new URL(invitation.url);
    expect(`${link.origin}${link.pathname}`).toBe('http://127.0.0.1:3000/auth/login');
    expect(link.searchParams.get('organization')).toBe('org_acme');
    expect(link.searchParams.get('organization_name')).toBe('acme');
    const params = { organization: 'org_acme', invitation: invitation.ticket };
    const dave = { email: 'dave@example.com', password: 'Passw0rd!' };

    const body = await codeFlow(em, dave, params);
    expect(claims(body.id_token)).toMatchObject({ sub: 'auth0|dave', org_id: 'org_acme' });
    // Used up: the same link again is refused at /authorize.
    expect((await loginError(em, params, dave)).error).toBe('invalid_request');
    // A member now: an ordinary login into the organization works.
    expect(claims((await codeFlow(em, dave, { organization: 'org_acme' })).id_token)).toMatchObject({
      org_id: 'org_acme',
    });

    const other = em.invite({ organization: 'acme', email: 'someone@example.com', clientId: CLIENT_ID });
    expect(await loginError(em, { organization: 'org_acme', invitation: other.ticket }, BOB)).toEqual({
      error: 'access_denied',
      description: 'the specified account is not allowed to accept the current invitation',
    });
  });

  it('creates invitations at POST /__dev/invitations', async () => {
    const response = await fetch(new URL('__dev/invitations', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organization: 'org_acme', email: 'x@example.com', client_id: CLIENT_ID }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ email: 'x@example.com', organization: { id: 'org_acme' } });
    const bad = await fetch(new URL('__dev/invitations', em.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organization: 'org_acme', email: 'x@example.com', client_id: 'plain' }),
    });
    expect(bad.status).toBe(400);
  });
});
