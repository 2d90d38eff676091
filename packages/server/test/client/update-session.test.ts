import { describe, expect, it } from 'vitest';
import {
  LoginRequiredError,
  MissingSessionError,
  SessionHookError,
  type SessionData,
} from '../../src/index.js';
import { clientFor, setup } from '../helpers/client.js';
import { createFakeTenant } from '../helpers/fake-tenant.js';

/** The session's user with `claims` added: the change an app makes after editing the profile. */
const withClaims =
  (claims: Record<string, unknown>) =>
  (session: SessionData): SessionData => ({
    ...session,
    user: session.user && { ...session.user, ...claims },
  });

describe('updateSession', () => {
  it('the value form stores the user the app changed, and returns the session as written', async () => {
    const { client, login } = await setup();
    await login();
    const session = await client.getSession();
    if (!session?.user) throw new Error('expected a session');
    const written = await client.updateSession({ ...session, user: { ...session.user, name: 'Alice B.' } });
    expect(written.user).toMatchObject({ sub: 'auth0|alice', name: 'Alice B.' });
    expect(await client.getUser()).toMatchObject({ sub: 'auth0|alice', name: 'Alice B.' });
    expect((await client.getSession())?.tokenSets).toEqual(session.tokenSets);
  });

  it('the function form receives the session as it is and stores what it returns', async () => {
    const { client, login } = await setup();
    await login();
    const seen: SessionData[] = [];
    await client.updateSession(async (session) => {
      seen.push(session);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return withClaims({ plan: 'gold' })(session);
    });
    expect(seen[0]).not.toHaveProperty('internal');
    expect(seen[0]?.user).toMatchObject({ sub: 'auth0|alice' });
    expect(await client.getUser()).toMatchObject({ sub: 'auth0|alice', plan: 'gold' });
  });

  it('concurrent function-form updates are both applied: no lost update', async () => {
    const { client, login } = await setup();
    await login();
    const slow = async (session: SessionData) => {
      // Holds the lock while the other update waits for it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return withClaims({ plan: 'gold' })(session);
    };
    await Promise.all([client.updateSession(slow), client.updateSession(withClaims({ locale: 'fr' }))]);
    expect(await client.getUser()).toMatchObject({ plan: 'gold', locale: 'fr' });
  });

  it('may not change the tokens: session_hook_invalid, and nothing written', async () => {
    const { client, login } = await setup();
    await login();
    const before = await client.getSession();
    const err = await client
      .updateSession((session) => ({
        ...session,
        refreshToken: 'planted',
        user: { sub: 'auth0|alice', x: 1 },
      }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SessionHookError);
    expect(err).toMatchObject({ code: 'session_hook_invalid' });
    expect((err as Error).message).toContain('"refreshToken"');
    expect((err as Error).message).toContain('updateSession');
    expect((err as Error).message).not.toContain('planted');
    expect(await client.getSession()).toEqual(before);
  });

  it('may not change who is logged in (sub, iss, sid): nothing written', async () => {
    const { client, login } = await setup();
    await login();
    const before = await client.getSession();
    for (const claim of ['sub', 'iss', 'sid']) {
      const err = await client
        .updateSession((session) => ({
          ...session,
          user: { sub: 'auth0|alice', ...session.user, [claim]: 'someone-else' },
        }))
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'session_hook_invalid' });
      expect((err as Error).message).toContain(`"${claim}"`);
    }
    expect(await client.getSession()).toEqual(before);
  });

  it('keeps iss and sid when the new user leaves them out', async () => {
    const { client, login } = await setup();
    await login();
    await client.updateSession((session) => ({
      ...session,
      user: { sub: 'auth0|alice', name: 'Only a name' },
    }));
    expect(await client.getUser()).toMatchObject({
      sub: 'auth0|alice',
      iss: expect.any(String),
      sid: expect.any(String),
      name: 'Only a name',
    });
  });

  it('without a session throws MissingSessionError (login_required) and writes none', async () => {
    const { client } = await setup();
    const err = await client.updateSession(withClaims({ plan: 'gold' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingSessionError);
    expect(err).toBeInstanceOf(LoginRequiredError);
    expect(err).toMatchObject({ code: 'login_required' });
    expect(await client.getSession()).toBeUndefined();
  });

  it('an error thrown by the function writes nothing', async () => {
    const { client, login } = await setup();
    await login();
    const before = await client.getSession();
    await expect(
      client.updateSession(() => {
        throw new Error('profile service down');
      }),
    ).rejects.toThrow('profile service down');
    expect(await client.getSession()).toEqual(before);
  });

  it('does not run beforeSessionSaved (as nextjs-auth0 does not)', async () => {
    let calls = 0;
    const { client, login } = await setup({
      beforeSessionSaved: (session) => {
        calls += 1;
        return session;
      },
    });
    await login();
    expect(calls).toBe(1);
    await client.updateSession(withClaims({ plan: 'gold' }));
    expect(calls).toBe(1);
    expect(await client.getUser()).toMatchObject({ plan: 'gold' });
  });

  it('a later refresh without a new ID token keeps the updated claims', async () => {
    const tenant = await createFakeTenant();
    // A refresh answer without `id_token` (a grant without `openid`, or a server that sends none).
    const withoutRefreshIdToken: typeof fetch = async (input, init) => {
      const res = await tenant.fetch(input, init);
      if (!String(init?.body).includes('grant_type=refresh_token')) return res;
      const answer = (await res.json()) as Record<string, unknown>;
      delete answer.id_token;
      return Response.json(answer, { status: res.status });
    };
    const { client, login } = clientFor(tenant, { customFetch: withoutRefreshIdToken });
    await login();
    await client.updateSession(withClaims({ plan: 'gold' }));
    const before = await client.getSession();
    await client.getAccessToken({ refresh: true });
    const after = await client.getSession();
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.user).toEqual(before?.user);
    expect(after?.user).toMatchObject({ plan: 'gold' });
  });

  it('refuses a value read before a refresh changed the tokens: nothing written', async () => {
    const { client, login } = await setup();
    await login();
    const stale = await client.getSession();
    if (!stale?.user) throw new Error('expected a session');
    await client.getAccessToken({ refresh: true });
    const fresh = await client.getSession();
    const err = await client
      .updateSession({ ...stale, user: { ...stale.user, plan: 'gold' } })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'session_hook_invalid' });
    expect(await client.getSession()).toEqual(fresh);
  });

  it('checks its argument', async () => {
    const { client, login } = await setup();
    await login();
    // @ts-expect-error -- not a session
    const err = await client.updateSession('gold').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect(err).toMatchObject({ code: 'ERR_INVALID_ARG_TYPE', message: expect.stringContaining('"change"') });
  });
});
