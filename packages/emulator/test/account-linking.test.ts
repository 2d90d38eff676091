import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  REDIRECT_URI,
  authorizeUrl,
  claims,
  codeFlow,
  pkce,
  start,
  token,
} from './support.js';

const ALICE = { email: 'alice@example.com', password: 'Passw0rd!' };
const OCTO = { username: 'octo-alice', password: 'gh-Passw0rd!' };
const M2M = { client_id: 'm2m', client_secret: 'm2m-secret-at-least-32-characters!!' };
const GITHUB = {
  connection: 'github',
  provider: 'github',
  user_id: '1001',
  isSocial: true,
  profileData: { name: 'Octo Alice', email: 'alice@github.test' },
};

let em: Emulator;
beforeAll(async () => {
  em = await start({
    clients: [
      { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [REDIRECT_URI] },
      { ...M2M, redirect_uris: [], management_api: true },
    ],
    users: [
      { user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' },
      { user_id: 'auth0|bob', email: 'bob@example.com', password: 'Passw0rd!' },
    ],
    connections: [
      {
        name: 'github',
        accounts: [
          {
            user_id: '1001',
            username: 'octo-alice',
            password: 'gh-Passw0rd!',
            name: 'Octo Alice',
            email: 'alice@github.test',
          },
          { user_id: '1002', username: 'octo-bob', password: 'gh-Passw0rd!' },
        ],
      },
      { name: 'google-oauth2' },
    ],
  });
});
afterAll(() => em.close());
beforeEach(() => em.reset());

/** An ID token of `login`'s user, from an ordinary login. */
async function idTokenOf(login = ALICE): Promise<string> {
  const body = await codeFlow(em, login, { scope: 'openid profile email' });
  return String(body.id_token);
}

/** A link (or unlink) round trip through the pages: the redirect, and the tokens when there is a code. */
async function linking(
  kind: 'link' | 'unlink',
  idToken: string,
  options: { connection?: string; account?: { username: string; password: string } } = {},
) {
  const { verifier, challenge } = pkce();
  const scope = kind === 'link' ? 'openid link_account offline_access' : 'openid unlink_account';
  const redirect = new URL(
    await em.login(
      authorizeUrl(em, {
        scope,
        requested_connection: options.connection ?? 'github',
        ...(kind === 'link' ? { requested_connection_scope: 'read:user' } : {}),
        id_token_hint: idToken,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: 'st',
      }),
      { ...ALICE, ...(options.account ? { account: options.account } : {}) },
    ),
  );
  const code = redirect.searchParams.get('code');
  if (!code) return { redirect, tokens: undefined };
  const { body } = await token(em, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });
  return { redirect, tokens: body };
}

async function managementUser(userId: string): Promise<Record<string, unknown>> {
  const { body } = await token(em, {
    grant_type: 'client_credentials',
    audience: `${em.issuer}api/v2/`,
    ...M2M,
  });
  const res = await fetch(new URL(`api/v2/users/${encodeURIComponent(userId)}`, em.issuer), {
    headers: { authorization: `Bearer ${String(body.access_token)}` },
  });
  return (await res.json()) as Record<string, unknown>;
}

describe('account linking (/authorize with link_account and unlink_account)', () => {
  it('link_account signs in to the requested connection and links it: the ID token, /userinfo and the Management API list it', async () => {
    const { tokens } = await linking('link', await idTokenOf(), { account: OCTO });
    const idToken = claims(tokens?.id_token);
    expect(idToken.sub).toBe('auth0|alice');
    expect(idToken.identities).toEqual([
      {
        connection: 'Username-Password-Authentication',
        provider: 'auth0',
        user_id: 'alice',
        isSocial: false,
      },
      GITHUB,
    ]);
    expect(typeof tokens?.refresh_token).toBe('string');
    const info = await fetch(new URL('userinfo', em.issuer), {
      headers: { authorization: `Bearer ${String(tokens?.access_token)}` },
    });
    expect(((await info.json()) as { identities?: unknown }).identities).toEqual(idToken.identities);
    expect((await managementUser('auth0|alice')).identities).toEqual(idToken.identities);
  });

  it('a user without linked accounts has no identities claim, and one identity in the Management API', async () => {
    expect(claims(await idTokenOf()).identities).toBeUndefined();
    expect((await managementUser('auth0|alice')).identities).toEqual([
      {
        connection: 'Username-Password-Authentication',
        provider: 'auth0',
        user_id: 'alice',
        isSocial: false,
      },
    ]);
  });

  it('unlink_account, confirmed on its page, removes the identity', async () => {
    await linking('link', await idTokenOf(), { account: OCTO });
    const { tokens } = await linking('unlink', await idTokenOf());
    expect(claims(tokens?.id_token)).toMatchObject({ sub: 'auth0|alice' });
    expect(claims(tokens?.id_token).identities).toBeUndefined();
    expect((await managementUser('auth0|alice')).identities).toHaveLength(1);
  });

  it('the Management API unlinks an identity (DELETE /api/v2/users/:id/identities/:provider/:user_id)', async () => {
    await linking('link', await idTokenOf(), { account: OCTO });
    const { body } = await token(em, {
      grant_type: 'client_credentials',
      audience: `${em.issuer}api/v2/`,
      ...M2M,
    });
    const res = await fetch(new URL('api/v2/users/auth0%7Calice/identities/github/1001', em.issuer), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${String(body.access_token)}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([expect.objectContaining({ provider: 'auth0' })]);
    expect(claims((await codeFlow(em, ALICE, { scope: 'openid' })).id_token).identities).toBeUndefined();
    // The account is free again: Bob can link it.
    const { tokens } = await linking(
      'link',
      await idTokenOf({ email: 'bob@example.com', password: 'Passw0rd!' }),
      {
        account: OCTO,
      },
    );
    expect(claims(tokens?.id_token)).toMatchObject({
      sub: 'auth0|bob',
      identities: [expect.anything(), GITHUB],
    });
  });

  it('an account linked to another user is refused with access_denied', async () => {
    await linking('link', await idTokenOf({ email: 'bob@example.com', password: 'Passw0rd!' }), {
      account: OCTO,
    });
    const { redirect } = await linking('link', await idTokenOf(), { account: OCTO });
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('error_description')).toBe(
      'the github account is already linked to another user',
    );
    expect((await managementUser('auth0|alice')).identities).toHaveLength(1);
  });

  it('unlinking a connection with nothing linked is refused with access_denied', async () => {
    const { redirect } = await linking('unlink', await idTokenOf());
    expect(redirect.searchParams.get('error')).toBe('access_denied');
  });

  it('a wrong password on the connection page links nothing', async () => {
    await expect(
      linking('link', await idTokenOf(), { account: { ...OCTO, password: 'wrong' } }),
    ).rejects.toThrow('Wrong username or password.');
    expect((await managementUser('auth0|alice')).identities).toHaveLength(1);
  });

  it('refuses, before any page, a link without id_token_hint, with a forged one, or for a connection without accounts', async () => {
    const idToken = await idTokenOf();
    const [header, payload] = idToken.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(342)}`;
    for (const [params, description] of [
      [{ requested_connection: 'github' }, 'id_token_hint is required to link an account'],
      [{ requested_connection: 'github', id_token_hint: forged }, 'could not validate id_token_hint'],
      [
        { requested_connection: 'google-oauth2', id_token_hint: idToken },
        'requested_connection is not a connection whose accounts can be linked',
      ],
      [{ id_token_hint: idToken }, 'requested_connection is required to link an account'],
    ] as const) {
      const { challenge } = pkce();
      const res = await fetch(
        authorizeUrl(em, {
          scope: 'openid link_account',
          code_challenge: challenge,
          code_challenge_method: 'S256',
          state: 'st',
          ...params,
        }),
        { redirect: 'manual' },
      );
      const location = new URL(res.headers.get('location') ?? '', em.issuer);
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('error_description')).toBe(description);
    }
  });
});
