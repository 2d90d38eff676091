import { describe, expect, it } from 'vitest';
import {
  IdTokenValidationError,
  MfaRequiredError,
  MfaTokenInvalidError,
  ServerError,
} from '../../src/errors/index.js';
import { filterDefaultIdTokenClaims } from '../../src/index.js';
import { MfaClient } from '../../src/mfa/index.js';
import { withBeforeSave } from '../../src/session/before-save.js';
import { createSessionOwner } from '../../src/session/owner.js';
import { MemorySessionStore, StatefulStateStore } from '../../src/stores/index.js';
import { CookieJar } from '../helpers/cookie-jar.js';
import { json, tokenEndpoint } from 'auth0-test-kit';
import { idTokenSigner, sealed, SECRET, session, setup, type Options } from './harness.js';

const API = 'https://api.example.com';
const bound = { sid: 'sid-a', sub: 'auth0|alice' };
const tokens200 = (extra: Record<string, unknown> = {}) =>
  json({
    access_token: 'AT-verified',
    token_type: 'Bearer',
    expires_in: 600,
    scope: 'read:things',
    ...extra,
  });

describe('verify', () => {
  it.each([
    [{ otp: '123456' }, 'mfa-otp', { otp: '123456' }],
    [{ oobCode: 'oob-1', bindingCode: '654321' }, 'mfa-oob', { oob_code: 'oob-1', binding_code: '654321' }],
    [{ oobCode: 'oob-1' }, 'mfa-oob', { oob_code: 'oob-1' }],
    [{ recoveryCode: 'RC-1' }, 'mfa-recovery-code', { recovery_code: 'RC-1' }],
  ] as const)(
    'with %o uses the %s grant, the raw token, the bound audience and scope, and client auth',
    async (proof, grant, fields) => {
      let sent: Record<string, unknown> = {};
      const { mfa, tokens } = setup({ routes: [tokenEndpoint((f) => ((sent = f), tokens200()))] });
      const mfaToken = await sealed(tokens, { audience: API, scope: 'openid read:things' });
      const result = await mfa.verify({ mfaToken, ...proof, persist: false });
      expect(sent).toEqual({
        grant_type: `http://auth0.com/oauth/grant-type/${grant}`,
        mfa_token: 'RAW-MFA-TOKEN',
        audience: API,
        scope: 'openid read:things',
        client_id: 'app',
        client_secret: 'client-secret-value',
        ...fields,
      });
      expect(result).toMatchObject({
        accessToken: 'AT-verified',
        tokenType: 'Bearer',
        audience: API,
        scope: 'read:things',
      });
      expect(result.expiresAt).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 599);
    },
  );

  it("never sends the session's 'default' audience placeholder, and stores under it", async () => {
    let sent: Record<string, unknown> = {};
    const { mfa, tokens, sessions } = setup({
      sessions: { a: session('sid-a') },
      routes: [tokenEndpoint((f) => ((sent = f), tokens200()))],
    });
    const result = await mfa.verify(
      { mfaToken: await sealed(tokens, { audience: 'default' }, bound), otp: '1' },
      { session: 'a' },
    );
    expect(sent.audience).toBeUndefined();
    expect(result.audience).toBe('default');
    expect(sessions.states.get('a')?.tokenSets[0]?.audience).toBe('default');
  });

  it('lets audience and scope override the bound ones', async () => {
    let sent: Record<string, unknown> = {};
    const { mfa, tokens } = setup({ routes: [tokenEndpoint((f) => ((sent = f), tokens200()))] });
    const mfaToken = await sealed(tokens, { audience: API, scope: 'a' });
    await mfa.verify({
      mfaToken,
      otp: '1',
      audience: 'https://other.example.com',
      scope: 'b',
      persist: false,
    });
    expect(sent).toMatchObject({ audience: 'https://other.example.com', scope: 'b' });
  });

  it('stores the tokens in the current session under the bound audience and keeps a rotated refresh token', async () => {
    const { mfa, tokens, sessions } = setup({
      sessions: { a: session('sid-a') },
      routes: [tokenEndpoint(() => tokens200({ refresh_token: 'rt-2' }))],
    });
    const mfaToken = await sealed(tokens, { audience: API }, bound);
    await mfa.verify({ mfaToken, otp: '123456' }, { session: 'a' });
    const state = sessions.states.get('a');
    expect(state?.refreshToken).toBe('rt-2');
    expect(state?.tokenSets).toEqual([
      { audience: API, accessToken: 'AT-verified', scope: 'read:things', expiresAt: expect.any(Number) },
    ]);
  });

  it('returns the new recovery code of a recovery-code grant', async () => {
    const { mfa, tokens } = setup({
      routes: [tokenEndpoint(() => tokens200({ recovery_code: 'NEW-CODE' }))],
    });
    const result = await mfa.verify({
      mfaToken: await sealed(tokens),
      recoveryCode: 'OLD-CODE',
      persist: false,
    });
    expect(result.recoveryCode).toBe('NEW-CODE');
  });

  it('after a first login with no session, verifies the ID token and creates the session', async () => {
    const signer = await idTokenSigner();
    const idToken = await signer.sign({ sub: 'auth0|alice', email: 'alice@example.com' });
    const { mfa, tokens, sessions } = setup({
      routes: [signer.jwks, tokenEndpoint(() => tokens200({ id_token: idToken, refresh_token: 'rt-new' }))],
    });
    const result = await mfa.verify(
      { mfaToken: await sealed(tokens, { audience: API }), otp: '1' },
      { session: 'new' },
    );
    expect(result.idToken).toBe(idToken);
    const state = sessions.states.get('new');
    expect(state).toMatchObject({
      user: { sub: 'auth0|alice', email: 'alice@example.com' },
      idToken,
      refreshToken: 'rt-new',
      tokenSets: [{ audience: API, accessToken: 'AT-verified' }],
    });
    expect(state?.internal.sid).toEqual(expect.any(String));
  });

  it("a first login finished by MFA writes the session beforeSessionSaved made of the ID token's claims", async () => {
    const signer = await idTokenSigner();
    const idToken = await signer.sign({ sub: 'auth0|alice', email: 'alice@example.com', internal_note: 'x' });
    const { tokens, transport, sessions } = setup({
      routes: [signer.jwks, tokenEndpoint(() => tokens200({ id_token: idToken, refresh_token: 'rt-new' }))],
    });
    const mfa = new MfaClient<Options>({
      transport,
      tokens,
      sessions: withBeforeSave(sessions.access, (s) => ({
        ...s,
        user: s.user && filterDefaultIdTokenClaims(s.user),
      })),
    });
    await mfa.verify({ mfaToken: await sealed(tokens, { audience: API }), otp: '1' }, { session: 'new' });
    const user = sessions.states.get('new')?.user;
    expect(user).toMatchObject({ sub: 'auth0|alice', email: 'alice@example.com' });
    expect(user).not.toHaveProperty('internal_note');
  });

  it('refuses a token sealed without a session inside the session of another user (a planted session stays as it was)', async () => {
    const signer = await idTokenSigner();
    const idToken = await signer.sign({ sub: 'auth0|alice' });
    const jar = new CookieJar();
    const backend = new MemorySessionStore();
    const stateStore = new StatefulStateStore<Options>({ secret: SECRET, store: backend }, jar);
    // Session fixation: the victim's browser carries a session id cookie the attacker holds too.
    const mallory = session('sid-mallory', 'auth0|mallory');
    await stateStore.set('__a0_session', {
      ...mallory,
      internal: { sid: 'sid-mallory', createdAt: Date.now() / 1000 },
    });
    // The store writes the __Host- name: the cookie is Secure, host-only, on Path=/.
    const planted = jar.getCookie('__Host-__a0_session');
    if (!planted) throw new Error('no session cookie was set');
    const before = JSON.stringify(await stateStore.get('__a0_session'));
    const { mfa, tokens } = setup({
      routes: [signer.jwks, tokenEndpoint(() => tokens200({ id_token: idToken }))],
      extra: { sessions: createSessionOwner({ store: stateStore, identifier: '__a0_session' }) },
    });
    const err = await mfa
      .verify({ mfaToken: await sealed(tokens, { audience: API }), otp: '1' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdTokenValidationError);
    expect(err).toMatchObject({ code: 'id_token_user_mismatch', claim: 'sub' });
    expect(jar.getCookie('__Host-__a0_session')).toBe(planted);
    expect(JSON.stringify(await stateStore.get('__a0_session'))).toBe(before);
    const attacker = new CookieJar();
    attacker.setCookie('__Host-__a0_session', planted);
    const attackerStore = new StatefulStateStore<Options>({ secret: SECRET, store: backend }, attacker);
    expect((await attackerStore.get('__a0_session'))?.user?.sub).toBe('auth0|mallory');
  });

  it('refuses a token sealed without a session inside a session when the answer names no user', async () => {
    const { mfa, tokens, sessions } = setup({
      sessions: { a: session('sid-a') },
      routes: [tokenEndpoint(() => tokens200())],
    });
    const before = structuredClone(sessions.states.get('a'));
    const err = await mfa
      .verify({ mfaToken: await sealed(tokens, { audience: API }), otp: '1' }, { session: 'a' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MfaTokenInvalidError);
    expect(sessions.states.get('a')).toEqual(before);
  });

  it('files a token sealed without a session into a session of the same user', async () => {
    const signer = await idTokenSigner();
    const idToken = await signer.sign({ sub: 'auth0|alice' });
    const { mfa, tokens, sessions } = setup({
      sessions: { a: session('sid-a') },
      routes: [signer.jwks, tokenEndpoint(() => tokens200({ id_token: idToken }))],
    });
    await mfa.verify({ mfaToken: await sealed(tokens, { audience: API }), otp: '1' }, { session: 'a' });
    expect(sessions.states.get('a')).toMatchObject({
      internal: { sid: 'sid-a' },
      tokenSets: [{ audience: API, accessToken: 'AT-verified' }],
    });
  });

  it('refuses a session-bound verify whose ID token names another user, leaving the session as it was', async () => {
    const signer = await idTokenSigner();
    const idToken = await signer.sign({ sub: 'auth0|mallory' });
    const { mfa, tokens, sessions } = setup({
      sessions: { a: session('sid-a') },
      routes: [signer.jwks, tokenEndpoint(() => tokens200({ id_token: idToken }))],
    });
    const before = structuredClone(sessions.states.get('a'));
    const err = await mfa
      .verify({ mfaToken: await sealed(tokens, { audience: API }, bound), otp: '1' }, { session: 'a' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'id_token_user_mismatch', claim: 'sub' });
    expect(sessions.states.get('a')).toEqual(before);
  });

  it('refuses an ID token signed by another key and creates no session', async () => {
    const signer = await idTokenSigner();
    const forger = await idTokenSigner({ as: 'stranger' });
    const idToken = await forger.sign({ sub: 'auth0|mallory' });
    const { mfa, tokens, sessions } = setup({
      routes: [signer.jwks, tokenEndpoint(() => tokens200({ id_token: idToken }))],
    });
    await expect(
      mfa.verify({ mfaToken: await sealed(tokens), otp: '1' }, { session: 'new' }),
    ).rejects.toMatchObject({
      code: 'id_token_invalid',
    });
    expect(sessions.states.size).toBe(0);
  });

  it('a wrong code throws invalid_grant and leaves the session unchanged', async () => {
    const { mfa, tokens, sessions } = setup({
      sessions: { a: session('sid-a') },
      routes: [
        tokenEndpoint(() => json({ error: 'invalid_grant', error_description: 'Invalid otp_code.' }, 403)),
      ],
    });
    const before = structuredClone(sessions.states.get('a'));
    const err = await mfa
      .verify({ mfaToken: await sealed(tokens, {}, bound), otp: '000000' }, { session: 'a' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ error: 'invalid_grant', errorDescription: 'Invalid otp_code.', status: 403 });
    expect(sessions.states.get('a')).toEqual(before);
  });

  it('too_many_attempts keeps the status and Retry-After', async () => {
    const { mfa, tokens } = setup({
      routes: [tokenEndpoint(() => json({ error: 'too_many_attempts' }, 429, { 'retry-after': '30' }))],
    });
    await expect(mfa.verify({ mfaToken: await sealed(tokens), otp: '1' })).rejects.toMatchObject({
      error: 'too_many_attempts',
      status: 429,
      retryAfter: 30,
    });
  });

  it('chained MFA throws a new MfaRequiredError, sealed and bound like the first', async () => {
    const { mfa, tokens } = setup({
      sessions: { a: session('sid-a') },
      routes: [
        tokenEndpoint(() =>
          json(
            {
              error: 'mfa_required',
              mfa_token: 'RAW-SECOND',
              mfa_requirements: { challenge: [{ type: 'email' }] },
            },
            403,
          ),
        ),
      ],
    });
    const err = await mfa
      .verify(
        { mfaToken: await sealed(tokens, { audience: API, scope: 's' }, bound), otp: '1' },
        { session: 'a' },
      )
      .catch((e: unknown) => e);
    if (!(err instanceof MfaRequiredError)) throw new Error('expected MfaRequiredError');
    expect(JSON.stringify(err)).not.toContain('RAW-SECOND');
    expect(err.mfaRequirements).toEqual({ challenge: [{ type: 'email' }] });
    await expect(mfa.decryptMfaToken(err.mfaToken, { session: 'a' })).resolves.toMatchObject({
      mfaToken: 'RAW-SECOND',
      audience: API,
      scope: 's',
      session: bound,
    });
    await expect(mfa.decryptMfaToken(err.mfaToken)).rejects.toBeInstanceOf(MfaTokenInvalidError);
  });

  it('a session-bound token from another session is refused before any request', async () => {
    const { mfa, tokens, seen } = setup({ sessions: { a: session('sid-a'), b: session('sid-b') } });
    const mfaToken = await sealed(tokens, {}, bound);
    await expect(mfa.verify({ mfaToken, otp: '1' }, { session: 'b' })).rejects.toBeInstanceOf(
      MfaTokenInvalidError,
    );
    expect(seen).toHaveLength(0);
  });

  it('needs exactly one of otp, oobCode, recoveryCode', async () => {
    const { mfa, tokens } = setup();
    const mfaToken = await sealed(tokens);
    for (const options of [{ mfaToken }, { mfaToken, otp: '1', recoveryCode: '2' }, { mfaToken, otp: '' }]) {
      await expect(Reflect.apply(mfa.verify, mfa, [options])).rejects.toBeInstanceOf(TypeError);
    }
  });
});
