import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterDefaultIdTokenClaims, type SessionData } from '../../src/index.js';
import { startEmulatorApp, type EmulatorApp } from '../helpers/emulator-app.js';

describe('beforeSessionSaved against auth0-emulator', () => {
  let app: EmulatorApp;
  const seen: SessionData[] = [];
  beforeAll(async () => {
    app = await startEmulatorApp({
      clientOptions: {
        beforeSessionSaved: async (session) => {
          seen.push(session);
          await Promise.resolve();
          return {
            ...session,
            user: session.user && { ...filterDefaultIdTokenClaims(session.user), plan: 'gold' },
          };
        },
      },
    });
  });
  afterAll(() => app.close());

  it('keeps the claims the hook returns at login, through a refresh, and back-channel logout still finds the session', async () => {
    const browser = await app.login();
    const user = await app.client.getUser();
    expect(user).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com', plan: 'gold' });
    expect(user).not.toHaveProperty('aud');
    expect(user).not.toHaveProperty('nonce');
    // The hook saw the whole ID token.
    expect(seen.at(-1)?.user).toMatchObject({ aud: 'app', nonce: expect.any(String) });

    // A refresh brings the ID token's claims again: the hook runs again and the session keeps what it made of them.
    const before = await app.client.getSession();
    await app.client.getAccessToken({ refresh: true });
    const after = await app.client.getSession();
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(seen).toHaveLength(2);
    expect(after?.user).toEqual(before?.user);

    // `sid` was dropped by the filter and kept by the SDK: the emulator's logout reaches this session.
    expect(after?.user?.sid).toEqual(expect.any(String));
    const res = await fetch(new URL('v2/logout?client_id=app', app.em.issuer), {
      headers: { cookie: browser },
      redirect: 'manual',
    });
    expect(res.status).toBeLessThan(400);
    expect(app.received.at(-1)).toEqual({ status: 200 });
    expect(await app.client.getSession()).toBeUndefined();
  });
});
