import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { REDIRECT_URI, baseConfig, claims, codeFlow, field, pkce, start, token } from './support.js';

const SCOPES = 'create:me:connected_accounts read:me:connected_accounts delete:me:connected_accounts';

describe('My Account API: connected accounts', () => {
  let em: Emulator;
  beforeAll(async () => {
    const base = baseConfig();
    em = await start({
      ...base,
      users: [
        ...(base.users ?? []),
        { user_id: 'auth0|dave', email: 'dave@example.com', password: 'Passw0rd!' },
      ],
      connections: [
        { name: 'google-oauth2', scope: 'calendar.readonly' },
        { name: 'github' },
        { name: 'slack', users: [] },
      ],
    });
  });
  afterAll(() => em.close());

  const me = () => `${em.issuer}me/`;
  /** A My Account API token for a user, through the session's refresh token (MRRT). */
  async function myAccountToken(email: string, scope = SCOPES): Promise<string> {
    const login = await codeFlow(em, { email, password: 'Passw0rd!' }, { scope: 'openid offline_access' });
    const answer = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: field(login, 'refresh_token'),
      audience: me(),
      scope,
    });
    expect(answer.status).toBe(200);
    return field(answer.body, 'access_token');
  }
  const call = (bearer: string, path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(new URL(`me/v1/connected-accounts/${path}`, em.issuer), {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  /** Starts a connect request, allows it on the connect page, and returns what the app needs to complete it. */
  async function approvedConnect(bearer: string, connection = 'google-oauth2') {
    const { verifier, challenge } = pkce();
    const started = await call(bearer, 'connect', {
      method: 'POST',
      body: {
        connection,
        redirect_uri: REDIRECT_URI,
        state: 'st-1',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      },
    });
    expect(started.status).toBe(201);
    const body = (await started.json()) as Record<string, unknown> & { connect_params: { ticket: string } };
    expect(body).toMatchObject({ connect_uri: `${em.issuer}connect`, expires_in: 300 });
    const connectPage = new URL(String(body.connect_uri));
    connectPage.searchParams.set('ticket', body.connect_params.ticket);
    const shown = await fetch(connectPage);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain(connection);
    const decided = await fetch(new URL('connect', em.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ticket: body.connect_params.ticket, action: 'allow' }),
    });
    expect(decided.status).toBe(303);
    const back = new URL(decided.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
    expect(back.searchParams.get('state')).toBe('st-1');
    return {
      authSession: String(body.auth_session),
      connectCode: back.searchParams.get('connect_code') ?? '',
      verifier,
    };
  }

  /** POST complete for an approved request. */
  const complete = (bearer: string, approved: Awaited<ReturnType<typeof approvedConnect>>) =>
    call(bearer, 'complete', {
      method: 'POST',
      body: {
        auth_session: approved.authSession,
        connect_code: approved.connectCode,
        redirect_uri: REDIRECT_URI,
        code_verifier: approved.verifier,
      },
    });

  it('the /me/ API is a multi-resource refresh audience with the connected-accounts scopes', async () => {
    const bearer = await myAccountToken('alice@example.com');
    expect(claims(bearer)).toMatchObject({ aud: me(), sub: 'auth0|alice', scope: SCOPES });
  });

  it('connect, allow, complete, list and delete an account', async () => {
    const bearer = await myAccountToken('alice@example.com');
    const approved = await approvedConnect(bearer);
    const completed = await complete(bearer, approved);
    expect(completed.status).toBe(201);
    const account = (await completed.json()) as Record<string, unknown>;
    expect(account).toMatchObject({
      connection: 'google-oauth2',
      access_type: 'offline',
      scopes: ['calendar.readonly'],
    });
    expect(String(account.id)).toMatch(/^cac_/);

    expect((await complete(bearer, approved)).status).toBe(400);

    const listed = await call(bearer, 'accounts');
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ accounts: [account] });
    // Another user sees none of alice's accounts and cannot delete them.
    const other = await myAccountToken('dave@example.com');
    expect(await (await call(other, 'accounts')).json()).toEqual({ accounts: [] });
    expect((await call(other, `accounts/${String(account.id)}`, { method: 'DELETE' })).status).toBe(404);

    const removed = await call(bearer, `accounts/${String(account.id)}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await (await call(bearer, 'accounts')).json()).toEqual({ accounts: [] });
    expect((await call(bearer, `accounts/${String(account.id)}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('complete refuses a wrong code_verifier, and another user cannot complete the request', async () => {
    const bearer = await myAccountToken('alice@example.com');
    const approved = await approvedConnect(bearer, 'github');
    const dave = await myAccountToken('dave@example.com');
    expect((await complete(dave, approved)).status).toBe(400);
    const wrong = await complete(bearer, { ...approved, verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      status: 400,
      detail: expect.stringContaining('code_verifier'),
    });
  });

  it('a refused connection goes back with access_denied and cannot be completed', async () => {
    const bearer = await myAccountToken('alice@example.com');
    const started = (await (
      await call(bearer, 'connect', {
        method: 'POST',
        body: { connection: 'github', redirect_uri: REDIRECT_URI, state: 'x' },
      })
    ).json()) as { connect_params: { ticket: string } };
    const decided = await fetch(new URL('connect', em.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ticket: started.connect_params.ticket, action: 'deny' }),
    });
    const back = new URL(decided.headers.get('location') ?? '');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.has('connect_code')).toBe(false);
  });

  it('checks the bearer token, its scopes, the connection and the redirect_uri', async () => {
    expect((await call('not-a-token', 'accounts')).status).toBe(401);
    const readOnly = await myAccountToken('alice@example.com', 'read:me:connected_accounts');
    const refused = await call(readOnly, 'connect', {
      method: 'POST',
      body: { connection: 'github', redirect_uri: REDIRECT_URI },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const bearer = await myAccountToken('alice@example.com');
    const unknown = await call(bearer, 'connect', {
      method: 'POST',
      body: { connection: 'nope', redirect_uri: REDIRECT_URI },
    });
    expect(unknown.status).toBe(400);
    const foreign = await call(bearer, 'connect', {
      method: 'POST',
      body: { connection: 'github', redirect_uri: 'https://evil.example/cb' },
    });
    expect(foreign.status).toBe(400);
  });
  it('Token Vault exchanges for a connection the user connected, and no longer once it is deleted', async () => {
    const login = await codeFlow(
      em,
      { email: 'dave@example.com', password: 'Passw0rd!' },
      { scope: 'openid offline_access' },
    );
    let refreshToken = field(login, 'refresh_token');
    const vault = () =>
      token(em, {
        grant_type: 'urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token',
        subject_token: refreshToken,
        subject_token_type: 'urn:ietf:params:oauth:token-type:refresh_token',
        requested_token_type: 'http://auth0.com/oauth/token-type/federated-connection-access-token',
        connection: 'slack',
      });
    expect((await vault()).status).toBe(403);
    const mine = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      audience: me(),
      scope: SCOPES,
    });
    const bearer = field(mine.body, 'access_token');
    refreshToken = field(mine.body, 'refresh_token'); // rotated
    const completed = await complete(bearer, await approvedConnect(bearer, 'slack'));
    const account = (await completed.json()) as { id: string };
    const exchanged = await vault();
    expect(exchanged.status).toBe(200);
    expect(String(exchanged.body.access_token)).toMatch(/^upstream\.slack\./);
    await call(bearer, `accounts/${account.id}`, { method: 'DELETE' });
    expect((await vault()).status).toBe(403);
  });
});
