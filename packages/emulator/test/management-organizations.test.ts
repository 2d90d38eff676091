import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { CLIENT_ID, ORGANIZATION_CLIENT, claims, codeFlow, isRecord, loginError, start } from './support.js';
import { M2M, managementAccessToken, managementCall } from './management-support.js';

const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };
const BOB = { email: 'bob@example.com', password: 'Passw0rd!' };

let em: Emulator;
let accessToken: string;

const api = (method: string, path: string, body?: unknown, bearer: string | undefined = accessToken) =>
  managementCall(em, bearer, method, path, body);

/** The `error` a login into `organization` ends with at the redirect URI (null when it got a code). */
const loginErrorFor = async (organization: string, login = ALICE, params: Record<string, string> = {}) =>
  (await loginError(em, { organization, ...params }, login)).error;

const ids = (body: unknown, key = 'id') =>
  Array.isArray(body) ? body.filter(isRecord).map((item) => item[key]) : [];

beforeAll(async () => {
  em = await start({
    clients: [ORGANIZATION_CLIENT, { ...M2M, redirect_uris: [], management_api: true }],
    organizations: [{ id: 'org_acme', name: 'acme', display_name: 'Acme Corp', members: ['auth0|alice'] }],
  });
  accessToken = await managementAccessToken(em);
});
afterAll(() => em.close());
beforeEach(() => em.reset());

describe('organizations', () => {
  it('a Management API token carries the organization scopes', () => {
    expect(String(claims(accessToken).scope).split(' ')).toEqual(
      expect.arrayContaining([
        'create:organizations',
        'read:organizations',
        'update:organizations',
        'delete:organizations',
        'create:organization_members',
        'read:organization_members',
        'delete:organization_members',
      ]),
    );
  });

  it('POST /organizations creates one (201) that GET finds by id, by name and in the list', async () => {
    const created = await api('POST', 'organizations', {
      name: 'initech',
      display_name: 'Initech',
      metadata: { tier: 'gold' },
      branding: { logo_url: 'https://initech.example/logo.png', colors: { primary: '#112233' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^org_[A-Za-z0-9]{16}$/),
      name: 'initech',
      display_name: 'Initech',
      metadata: { tier: 'gold' },
      branding: { logo_url: 'https://initech.example/logo.png', colors: { primary: '#112233' } },
    });
    const id = isRecord(created.body) ? String(created.body.id) : '';
    expect(await api('GET', `organizations/${id}`)).toEqual({ status: 200, body: created.body });
    expect(await api('GET', 'organizations/name/initech')).toEqual({ status: 200, body: created.body });
    const list = await api('GET', 'organizations');
    expect(list.status).toBe(200);
    expect(ids(list.body)).toEqual(['org_acme', id]);
    // display_name defaults to the name.
    expect((await api('POST', 'organizations', { name: 'hooli' })).body).toMatchObject({
      name: 'hooli',
      display_name: 'hooli',
    });
  });

  it('an organization made through the API takes logins: its members get org_id and org_name', async () => {
    const created = await api('POST', 'organizations', { name: 'initech' });
    const id = isRecord(created.body) ? String(created.body.id) : '';
    expect(await loginErrorFor(id)).toBe('access_denied');
    expect((await api('POST', `organizations/${id}/members`, { members: ['auth0|alice'] })).status).toBe(204);
    const body = await codeFlow(em, ALICE, { organization: 'initech' });
    expect(claims(body.id_token)).toMatchObject({ org_id: id, org_name: 'initech' });
  });

  it('POST /organizations answers 409 for a taken name and 400 for a bad body, in the v2 shape', async () => {
    expect(await api('POST', 'organizations', { name: 'acme' })).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'An organization with this name already exists.',
        errorCode: 'organization_conflict',
      },
    });
    expect(await api('POST', 'organizations', { display_name: 'No Name' })).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: "Payload validation error: 'Missing required property: name'.",
        errorCode: 'invalid_body',
      },
    });
    for (const body of [{ name: 'Upper Case' }, { name: 'org_x' }, { name: 'ok', members: [] }, { name: 7 }])
      expect((await api('POST', 'organizations', body)).body).toMatchObject({
        statusCode: 400,
        errorCode: 'invalid_body',
      });
    expect(await api('POST', 'organizations', { name: 'ok', metadata: { n: 1 } })).toMatchObject({
      status: 400,
    });
  });

  it('GET answers 404 in the v2 shape for an unknown id or name', async () => {
    const notFound = {
      status: 404,
      body: {
        statusCode: 404,
        error: 'Not Found',
        message: 'The organization does not exist.',
        errorCode: 'inexistent_organization',
      },
    };
    expect(await api('GET', 'organizations/org_nope')).toEqual(notFound);
    expect(await api('GET', 'organizations/name/nope')).toEqual(notFound);
    expect(await api('PATCH', 'organizations/org_nope', { display_name: 'x' })).toEqual(notFound);
    expect(await api('DELETE', 'organizations/org_nope')).toEqual(notFound);
    expect(await api('GET', 'organizations/org_nope/members')).toEqual(notFound);
  });

  it('PATCH changes the display name, name and metadata; the login page and tokens follow', async () => {
    const patched = await api('PATCH', 'organizations/org_acme', {
      display_name: 'Acme Rockets',
      name: 'acme-rockets',
      metadata: { region: 'eu' },
    });
    expect(patched).toEqual({
      status: 200,
      body: {
        id: 'org_acme',
        name: 'acme-rockets',
        display_name: 'Acme Rockets',
        metadata: { region: 'eu' },
      },
    });
    expect((await api('GET', 'organizations/name/acme')).status).toBe(404);
    const body = await codeFlow(em, ALICE, { organization: 'acme-rockets' });
    expect(claims(body.id_token)).toMatchObject({ org_id: 'org_acme', org_name: 'acme-rockets' });
    await api('POST', 'organizations', { name: 'globex' });
    expect((await api('PATCH', 'organizations/org_acme', { name: 'globex' })).status).toBe(409);
    expect((await api('PATCH', 'organizations/org_acme', { id: 'org_other' })).status).toBe(400);
  });

  it('DELETE removes it: 204, then 404, and a login into it is refused', async () => {
    expect(await api('DELETE', 'organizations/org_acme')).toEqual({ status: 204, body: undefined });
    expect((await api('GET', 'organizations/org_acme')).status).toBe(404);
    expect(await loginErrorFor('org_acme')).toBe('invalid_request');
  });

  it('GET /organizations pages with page, per_page and include_totals', async () => {
    for (const name of ['b-org', 'c-org', 'd-org']) await api('POST', 'organizations', { name });
    const page = await api('GET', 'organizations?page=1&per_page=2&include_totals=true');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ start: 2, limit: 2, total: 4 });
    const items = isRecord(page.body) ? page.body.organizations : undefined;
    expect(ids(items, 'name')).toEqual(['c-org', 'd-org']);
    expect(ids((await api('GET', 'organizations?per_page=1')).body, 'name')).toEqual(['acme']);
    expect((await api('GET', 'organizations?per_page=101')).body).toMatchObject({
      statusCode: 400,
      errorCode: 'invalid_query_string',
    });
  });
});

describe('organization members', () => {
  it('GET lists the members with their profile; POST adds, DELETE removes (both 204)', async () => {
    expect(await api('GET', 'organizations/org_acme/members')).toEqual({
      status: 200,
      body: [{ user_id: 'auth0|alice', email: 'alice@example.com', name: 'alice@example.com' }],
    });
    expect(await loginErrorFor('org_acme', BOB)).toBe('access_denied');
    expect(await api('POST', 'organizations/org_acme/members', { members: ['auth0|bob'] })).toEqual({
      status: 204,
      body: undefined,
    });
    expect(ids((await api('GET', 'organizations/org_acme/members')).body, 'user_id')).toEqual([
      'auth0|alice',
      'auth0|bob',
    ]);
    expect(await loginErrorFor('org_acme', BOB)).toBeNull();

    expect((await api('DELETE', 'organizations/org_acme/members', { members: ['auth0|alice'] })).status).toBe(
      204,
    );
    expect(ids((await api('GET', 'organizations/org_acme/members')).body, 'user_id')).toEqual(['auth0|bob']);
    expect(await loginErrorFor('org_acme')).toBe('access_denied');
  });

  it('include_totals wraps the page: { members, start, limit, total }', async () => {
    await api('POST', 'organizations/org_acme/members', { members: ['auth0|bob', 'auth0|carol'] });
    const page = await api('GET', 'organizations/org_acme/members?per_page=2&include_totals=true');
    expect(page.body).toMatchObject({ start: 0, limit: 2, total: 3 });
    expect(ids(isRecord(page.body) ? page.body.members : undefined, 'user_id')).toEqual([
      'auth0|alice',
      'auth0|bob',
    ]);
  });

  it('POST answers 400 without members and 404 for a user that does not exist, adding none', async () => {
    expect((await api('POST', 'organizations/org_acme/members', { members: [] })).body).toMatchObject({
      statusCode: 400,
      errorCode: 'invalid_body',
    });
    expect((await api('POST', 'organizations/org_acme/members', {})).body).toMatchObject({
      statusCode: 400,
      message: "Payload validation error: 'Missing required property: members'.",
    });
    expect(
      await api('POST', 'organizations/org_acme/members', { members: ['auth0|bob', 'auth0|nobody'] }),
    ).toEqual({
      status: 404,
      body: {
        statusCode: 404,
        error: 'Not Found',
        message: 'One or more users do not exist.',
        errorCode: 'inexistent_user',
      },
    });
    expect(ids((await api('GET', 'organizations/org_acme/members')).body, 'user_id')).toEqual([
      'auth0|alice',
    ]);
  });

  it('a user deleted through the API stops being a member', async () => {
    await api('DELETE', 'users/auth0%7Calice');
    expect((await api('GET', 'organizations/org_acme/members')).body).toEqual([]);
  });
});

describe('scopes and reset', () => {
  it('a token without the operation’s scope gets 403 insufficient_scope', async () => {
    const readOnly = await managementAccessToken(em, 'read:organizations');
    expect(String(claims(readOnly).scope)).toBe('read:organizations');
    expect((await api('GET', 'organizations', undefined, readOnly)).status).toBe(200);
    expect(await api('POST', 'organizations', { name: 'x-org' }, readOnly)).toMatchObject({
      status: 403,
      body: { statusCode: 403, errorCode: 'insufficient_scope' },
    });
    for (const [method, path] of [
      ['DELETE', 'organizations/org_acme'],
      ['PATCH', 'organizations/org_acme'],
      ['GET', 'organizations/org_acme/members'],
      ['POST', 'organizations/org_acme/members'],
      ['DELETE', 'organizations/org_acme/members'],
    ] as const)
      expect((await api(method, path, method === 'GET' ? undefined : {}, readOnly)).status).toBe(403);
  });

  it('POST /__dev/reset brings back the configured organizations and members, and drops created ones', async () => {
    await api('POST', 'organizations', { name: 'initech' });
    await api('DELETE', 'organizations/org_acme/members', { members: ['auth0|alice'] });
    await api('PATCH', 'organizations/org_acme', { display_name: 'Changed' });
    expect((await fetch(new URL('__dev/reset', em.issuer), { method: 'POST' })).status).toBe(204);
    expect(ids((await api('GET', 'organizations')).body, 'name')).toEqual(['acme']);
    expect((await api('GET', 'organizations/org_acme')).body).toMatchObject({ display_name: 'Acme Corp' });
    expect(ids((await api('GET', 'organizations/org_acme/members')).body, 'user_id')).toEqual([
      'auth0|alice',
    ]);
    await api('DELETE', 'organizations/org_acme');
    await em.reset();
    expect((await api('GET', 'organizations/org_acme')).status).toBe(200);
  });
});

describe('organization invitations', () => {
  const invite = (body: Record<string, unknown> = {}) =>
    api('POST', 'organizations/org_acme/invitations', {
      inviter: { name: 'Alice' },
      invitee: { email: 'Bob@Example.com' },
      client_id: CLIENT_ID,
      ...body,
    });

  it('POST creates one (201) whose link makes the invitee a member at their login', async () => {
    const before = Date.now();
    const created = await invite({ ttl_sec: 3600 });
    expect(created.status).toBe(201);
    const body = isRecord(created.body) ? created.body : {};
    expect(body).toMatchObject({
      id: expect.stringMatching(/^uinv_/),
      organization_id: 'org_acme',
      inviter: { name: 'Alice' },
      invitee: { email: 'bob@example.com' },
      client_id: CLIENT_ID,
      ticket_id: expect.any(String),
    });
    const expiresIn = Date.parse(String(body.expires_at)) - Date.parse(String(body.created_at));
    expect(expiresIn).toBe(3600_000);
    expect(Date.parse(String(body.created_at))).toBeGreaterThanOrEqual(before - 1000);
    const link = new URL(String(body.invitation_url));
    expect(Object.fromEntries(link.searchParams)).toEqual({
      invitation: body.ticket_id,
      organization: 'org_acme',
      organization_name: 'acme',
    });

    expect(await loginErrorFor('org_acme', BOB, { invitation: String(body.ticket_id) })).toBeNull();
    expect(ids((await api('GET', 'organizations/org_acme/members')).body, 'user_id')).toEqual([
      'auth0|alice',
      'auth0|bob',
    ]);
  });

  it('GET lists and reads them; DELETE revokes one (204), and its link no longer works', async () => {
    const created = await invite();
    const id = isRecord(created.body) ? String(created.body.id) : '';
    const ticket = isRecord(created.body) ? String(created.body.ticket_id) : '';
    expect(ids((await api('GET', 'organizations/org_acme/invitations')).body)).toEqual([id]);
    expect(await api('GET', `organizations/org_acme/invitations/${id}`)).toEqual({
      status: 200,
      body: created.body,
    });
    expect((await api('DELETE', `organizations/org_acme/invitations/${id}`)).status).toBe(204);
    expect(await api('GET', `organizations/org_acme/invitations/${id}`)).toEqual({
      status: 404,
      body: {
        statusCode: 404,
        error: 'Not Found',
        message: 'The invitation does not exist.',
        errorCode: 'inexistent_invitation',
      },
    });
    expect(await loginErrorFor('org_acme', BOB, { invitation: ticket })).toBe('invalid_request');
  });

  it('POST answers 400 for a missing invitee, an unknown client and a bad ttl_sec', async () => {
    expect((await invite({ invitee: undefined })).body).toMatchObject({
      statusCode: 400,
      message: "Payload validation error: 'Missing required property: invitee'.",
    });
    expect((await invite({ client_id: 'nope' })).body).toMatchObject({ statusCode: 400 });
    expect((await invite({ ttl_sec: 2_592_001 })).body).toMatchObject({ statusCode: 400 });
    expect((await api('POST', 'organizations/org_nope/invitations', {})).status).toBe(404);
  });

  it('needs the invitation scopes, which a default token has', async () => {
    expect(String(claims(accessToken).scope).split(' ')).toEqual(
      expect.arrayContaining([
        'create:organization_invitations',
        'read:organization_invitations',
        'delete:organization_invitations',
      ]),
    );
    const readOnly = await managementAccessToken(em, 'read:organizations');
    expect((await api('GET', 'organizations/org_acme/invitations', undefined, readOnly)).status).toBe(403);
  });
});
