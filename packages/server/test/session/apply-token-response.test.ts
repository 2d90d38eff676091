import { describe, expect, it } from 'vitest';
import { applyTokenResponse, newSessionId } from '../../src/session/index.js';
import { makeState } from '../helpers/state.js';

const API = 'https://api.example.com';
const NOW = 1_800_000_000;

describe('applyTokenResponse', () => {
  it('creates a session with a random sid and createdAt when there is none', () => {
    const claims = { sub: 'auth0|alice', sid: 'op-1' };
    const state = applyTokenResponse(
      undefined,
      { accessToken: 'at', expiresAt: NOW + 60, idToken: 'id', refreshToken: 'rt', scope: 'openid read' },
      { audience: API, claims, now: NOW },
    );
    expect(state).toEqual({
      user: claims,
      idToken: 'id',
      refreshToken: 'rt',
      tokenSets: [{ audience: API, accessToken: 'at', scope: 'openid read', expiresAt: NOW + 60 }],
      internal: { sid: expect.stringMatching(/^[\w-]{22}$/), createdAt: NOW },
    });
    const other = applyTokenResponse(
      undefined,
      { accessToken: 'at', expiresAt: NOW + 60 },
      { audience: API, now: NOW },
    );
    expect(other.internal.sid).not.toBe(state.internal.sid);
  });

  it('keeps the sid and createdAt of an existing session', () => {
    const state = makeState();
    const next = applyTokenResponse(state, { accessToken: 'at-2', expiresAt: NOW + 60 }, { audience: API });
    expect(next.internal).toEqual(state.internal);
    expect(next.user).toBe(state.user);
  });

  it('saves a rotated refresh token and keeps the old one when none came', () => {
    const state = makeState({ refreshToken: 'rt-old' });
    expect(
      applyTokenResponse(
        state,
        { accessToken: 'a', expiresAt: NOW, refreshToken: 'rt-new' },
        { audience: API },
      ).refreshToken,
    ).toBe('rt-new');
    expect(
      applyTokenResponse(state, { accessToken: 'a', expiresAt: NOW }, { audience: API }).refreshToken,
    ).toBe('rt-old');
  });

  it('replaces user and idToken when a validated ID token came', () => {
    const state = makeState();
    const claims = { sub: 'auth0|alice', name: 'Alice' };
    const next = applyTokenResponse(
      state,
      { accessToken: 'a', expiresAt: NOW, idToken: 'id-2' },
      { audience: API, claims },
    );
    expect(next.user).toEqual(claims);
    expect(next.idToken).toBe('id-2');
  });

  it('keeps user and idToken when the ID token came without validated claims', () => {
    const state = makeState();
    const next = applyTokenResponse(
      state,
      { accessToken: 'a', expiresAt: NOW, idToken: 'unvalidated' },
      { audience: API },
    );
    expect(next.idToken).toBe(state.idToken);
    expect(next.user).toEqual(state.user);
  });

  it('starts a fresh session when the ID token names another user', () => {
    const state = makeState();
    const next = applyTokenResponse(
      state,
      { accessToken: 'bob-at', expiresAt: NOW + 60, idToken: 'bob-id' },
      { audience: API, claims: { sub: 'auth0|bob' }, now: NOW },
    );
    expect(next.internal.sid).not.toBe(state.internal.sid);
    expect(next.refreshToken).toBeUndefined();
    expect(next.tokenSets.map((t) => t.accessToken)).toEqual(['bob-at']);
  });

  it('files the token under the granted scope, or the requested one when the server did not say', () => {
    const state = makeState({ tokenSets: [] });
    const granted = applyTokenResponse(
      state,
      { accessToken: 'a', expiresAt: NOW + 60, scope: 'read' },
      { audience: API, scope: 'read write', now: NOW },
    );
    expect(granted.tokenSets[0]?.scope).toBe('read');
    const requested = applyTokenResponse(
      state,
      { accessToken: 'a', expiresAt: NOW + 60 },
      { audience: API, scope: 'read write', now: NOW },
    );
    expect(requested.tokenSets[0]?.scope).toBe('read write');
  });

  it('never mutates the input, so a failed later step leaves the old session exactly as it was', () => {
    const state = makeState();
    const before = structuredClone(state);
    const next = applyTokenResponse(
      state,
      { accessToken: 'a', expiresAt: NOW + 60, refreshToken: 'r2', idToken: 'i2' },
      { audience: API, claims: { sub: 'auth0|alice' } },
    );
    expect(state).toEqual(before);
    expect(next.internal).not.toBe(state.internal);
  });
});

describe('newSessionId', () => {
  it('returns 128 random bits as base64url', () => {
    const ids = new Set(Array.from({ length: 100 }, newSessionId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[\w-]{22}$/);
  });
});
