import { describe, expect, it } from 'vitest';
import {
  linked,
  loggedIn,
  mfaGranted,
  RedeemedSession,
  refreshed,
  startsNewSession,
} from '../../src/session/index.js';
import { makeState } from '../helpers/state.js';

const ALICE = { sub: 'auth0|alice', iss: 'https://tenant.example/' };
const tokens = (rt?: string) => ({ accessToken: 'at-new', expiresAt: 4_000_000_000, refreshToken: rt });

describe('the write rules of a session', () => {
  it('loggedIn: always a new session (a fresh sid), with the user and the tokens', () => {
    const a = loggedIn(
      { tokens: { ...tokens('rt'), idToken: 'id' }, claims: ALICE },
      { audience: 'default' },
    );
    const b = loggedIn(
      { tokens: { ...tokens('rt'), idToken: 'id' }, claims: ALICE },
      { audience: 'default' },
    );
    expect(a.internal.sid).not.toBe(b.internal.sid);
    expect(a).toMatchObject({ user: ALICE, idToken: 'id', refreshToken: 'rt' });
    expect(startsNewSession(makeState(), a)).toBe(true);
  });

  it('refreshed: replaces the token for the query and a rotated refresh token, keeps the rest', () => {
    const current = makeState({ user: ALICE });
    const next = refreshed(current, { tokens: tokens('rt-2'), claims: undefined }, { audience: 'default' });
    expect(next).toBeInstanceOf(RedeemedSession);
    expect(next.session.refreshToken).toBe('rt-2');
    expect(next.session.user).toEqual(ALICE);
    expect(next.session.tokenSets.map((t) => t.audience)).toEqual(['https://api.example.com', 'default']);
    expect(startsNewSession(current, next.session)).toBe(false);
    // The same answer filed into another copy of the session (the store's).
    expect(next.refile(makeState({ refreshToken: 'rt-1', tokenSets: [] })).tokenSets).toHaveLength(1);
  });

  it('refreshed: another user’s ID token is refused', () => {
    const current = makeState({ user: ALICE });
    const answer = { tokens: { ...tokens(), idToken: 'id' }, claims: { ...ALICE, sub: 'auth0|mallory' } };
    expect(() => refreshed(current, answer, { audience: 'default' })).toThrow(
      expect.objectContaining({ code: 'id_token_user_mismatch' }),
    );
  });

  it('linked: the same session (same sid) with the new ID token, its claims and tokens', () => {
    const current = makeState({ user: ALICE });
    const claims = { ...ALICE, identities: [{ provider: 'github', user_id: '1' }] };
    const next = linked(
      current,
      { tokens: { ...tokens('rt-2'), idToken: 'id-2' }, claims },
      { audience: 'default' },
    );
    expect(next).toMatchObject({ user: claims, idToken: 'id-2', refreshToken: 'rt-2' });
    expect(next.internal.sid).toBe(current.internal.sid);
    expect(startsNewSession(current, next)).toBe(false);
  });

  it('linked: refused without a session, and for another user or issuer', () => {
    const answer = { tokens: { ...tokens(), idToken: 'id' }, claims: ALICE };
    expect(() => linked(undefined, answer, { audience: 'default' })).toThrow(
      expect.objectContaining({ code: 'login_required', peerCode: 'missing_session_error' }),
    );
    for (const claims of [
      { ...ALICE, sub: 'auth0|mallory' },
      { ...ALICE, iss: 'https://other.example/' },
    ])
      expect(() =>
        linked(makeState({ user: ALICE }), { ...answer, claims }, { audience: 'default' }),
      ).toThrow(expect.objectContaining({ code: 'id_token_user_mismatch' }));
  });

  it('mfaGranted: no session and no ID token changes nothing; an ID token starts a session', () => {
    const target = { audience: 'default', scope: undefined, sessionBound: false };
    expect(mfaGranted(undefined, { tokens: tokens(), claims: undefined }, target)).toBeUndefined();
    const started = mfaGranted(undefined, { tokens: { ...tokens(), idToken: 'id' }, claims: ALICE }, target);
    expect(started?.user).toEqual(ALICE);
  });

  it('mfaGranted: a session-less mfa token adds to a session only with an ID token for its user', () => {
    const current = makeState({ user: ALICE });
    const target = { audience: 'default', scope: undefined, sessionBound: false };
    expect(() => mfaGranted(current, { tokens: tokens(), claims: undefined }, target)).toThrow(
      expect.objectContaining({ code: 'mfa_token_invalid' }),
    );
    const added = mfaGranted(current, { tokens: { ...tokens(), idToken: 'id' }, claims: ALICE }, target);
    expect(added?.internal.sid).toBe(current.internal.sid);
    const bound = mfaGranted(
      current,
      { tokens: tokens(), claims: undefined },
      { ...target, sessionBound: true },
    );
    expect(bound?.tokenSets.some((t) => t.audience === 'default')).toBe(true);
  });
});
