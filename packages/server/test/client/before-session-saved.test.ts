import { describe, expect, it } from 'vitest';
import {
  filterDefaultIdTokenClaims,
  SessionHookError,
  type BeforeSessionSavedHook,
  type SessionData,
} from '../../src/index.js';
import { setup } from '../helpers/client.js';

const ROLES = 'https://app.example.com/roles';

/** Keeps the default claims and one custom claim: the hook the docs show. */
const keepDefaultsAndPlan: BeforeSessionSavedHook = (session) => ({
  ...session,
  user: session.user && { ...filterDefaultIdTokenClaims(session.user), plan: 'gold' },
});

describe('beforeSessionSaved', () => {
  it('completeInteractiveLogin stores the claims the hook returns: dropped and added', async () => {
    const seen: { session: SessionData; idToken: string | undefined }[] = [];
    const { client, login } = await setup({
      beforeSessionSaved: (session, idToken) => {
        seen.push({ session, idToken });
        return keepDefaultsAndPlan(session, idToken);
      },
    });
    await login();
    const user = await client.getUser();
    expect(user).toMatchObject({
      sub: 'auth0|alice',
      name: 'Alice',
      email: 'alice@example.com',
      plan: 'gold',
    });
    expect(user).not.toHaveProperty('aud');
    expect(user).not.toHaveProperty('nonce');
    expect(user).not.toHaveProperty('exp');
    expect(seen).toHaveLength(1);
    // The hook sees every claim of the validated ID token, and the ID token itself.
    expect(seen[0]?.session.user).toMatchObject({
      sub: 'auth0|alice',
      aud: expect.any(String),
      nonce: expect.any(String),
    });
    expect(seen[0]?.idToken).toBe((await client.getSession())?.idToken);
    expect(seen[0]?.session).not.toHaveProperty('internal');
  });

  it('keeps the claims the SDK reads (sub, iss, sid) even when the hook drops them', async () => {
    const { client, login } = await setup({ beforeSessionSaved: keepDefaultsAndPlan });
    await login();
    const user = await client.getUser();
    expect(user).toMatchObject({ sub: 'auth0|alice', iss: expect.any(String), sid: expect.any(String) });
  });

  it('an async hook is awaited before the session is written', async () => {
    const { client, login } = await setup({
      beforeSessionSaved: async (session) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { ...session, user: session.user && { ...session.user, [ROLES]: ['admin'] } };
      },
    });
    await login();
    expect(await client.getUser()).toMatchObject({ [ROLES]: ['admin'] });
  });

  it('a hook that throws fails the login with session_hook_failed and writes no session', async () => {
    const { client, login, tenant } = await setup({
      beforeSessionSaved: (session) => {
        throw new Error(
          `roles lookup failed for ${String(session.refreshToken)} and ${String(session.idToken)}`,
        );
      },
    });
    const err = await login().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SessionHookError);
    expect(err).toMatchObject({ code: 'session_hook_failed' });
    expect(await client.getSession()).toBeUndefined();
    // The hook's own message travels as the cause, without the tokens it held.
    expect((err as Error).cause).toMatchObject({ message: expect.stringContaining('roles lookup failed') });
    const text = [
      (err as Error).message,
      (err as Error).stack,
      String(((err as Error).cause as Error).message),
      JSON.stringify(err),
    ].join('\n');
    for (const value of tenant.secrets()) expect(text).not.toContain(value);
  });

  it('a hook may not change the tokens: session_hook_invalid, and no session', async () => {
    const { client, login } = await setup({
      beforeSessionSaved: (session) => ({ ...session, idToken: undefined, refreshToken: 'mine' }),
    });
    const err = await login().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SessionHookError);
    expect(err).toMatchObject({ code: 'session_hook_invalid' });
    expect((err as Error).message).toContain('"idToken"');
    expect((err as Error).message).toContain('"refreshToken"');
    expect((err as Error).message).not.toContain('mine');
    expect(await client.getSession()).toBeUndefined();
  });

  it('a hook may not change who is logged in', async () => {
    const { client, login } = await setup({
      beforeSessionSaved: (session) => ({ ...session, user: { ...session.user, sub: 'auth0|mallory' } }),
    });
    await expect(login()).rejects.toMatchObject({ code: 'session_hook_invalid' });
    expect(await client.getSession()).toBeUndefined();
  });

  it('a hook that mutates the session it is given and returns it is applied too', async () => {
    const { client, login } = await setup({
      beforeSessionSaved: (session) => {
        if (session.user) delete session.user.email;
        return session;
      },
    });
    await login();
    expect(await client.getUser()).not.toHaveProperty('email');
    expect(await client.getUser()).toHaveProperty('name', 'Alice');
  });

  it('getAccessToken runs it again when a refresh brings a new ID token, and not for a cached token', async () => {
    let calls = 0;
    const { client, login } = await setup({
      beforeSessionSaved: (session, idToken) => {
        calls++;
        return keepDefaultsAndPlan(session, idToken);
      },
    });
    await login();
    await client.getAccessToken();
    expect(calls).toBe(1);
    const before = await client.getSession();
    await client.getAccessToken({ refresh: true });
    expect(calls).toBe(2);
    const after = await client.getSession();
    expect(after?.idToken).not.toBe(before?.idToken);
    // The refresh's ID token carries iat/exp/aud: the hook filtered them out again.
    expect(after?.user).toMatchObject({ sub: 'auth0|alice', plan: 'gold' });
    expect(after?.user).not.toHaveProperty('aud');
  });

  it('a hook that throws after a refresh keeps the new tokens (the refresh token is spent) with the claims the session had', async () => {
    let fail = false;
    const { client, login } = await setup({
      beforeSessionSaved: (session, idToken) => {
        if (fail) throw new Error('down');
        return keepDefaultsAndPlan(session, idToken);
      },
    });
    await login();
    const before = await client.getSession();
    fail = true;
    await expect(client.getAccessToken({ refresh: true })).rejects.toMatchObject({
      code: 'session_hook_failed',
    });
    const after = await client.getSession();
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.user).toEqual(before?.user);
    // The kept refresh token works: the next refresh succeeds.
    fail = false;
    await expect(client.getAccessToken({ refresh: true })).resolves.toMatchObject({
      accessToken: expect.any(String),
    });
  });

  it('is checked to be a function', async () => {
    await expect(setup({ beforeSessionSaved: 'yes' as never })).rejects.toThrow(/"beforeSessionSaved"/);
  });
});

describe('filterDefaultIdTokenClaims', () => {
  it('keeps the default profile claims only', () => {
    expect(
      filterDefaultIdTokenClaims({
        sub: 'auth0|alice',
        name: 'Alice',
        email: 'alice@example.com',
        email_verified: true,
        org_id: 'org_1',
        aud: 'app',
        exp: 1,
        [ROLES]: ['admin'],
      }),
    ).toEqual({
      sub: 'auth0|alice',
      name: 'Alice',
      email: 'alice@example.com',
      email_verified: true,
      org_id: 'org_1',
    });
  });
});
