import { describe, expect, it } from 'vitest';
import { SessionHookError } from '../../src/errors/index.js';
import { refreshed } from '../../src/session/index.js';
import { publicSession } from '../../src/session/before-save.js';
import { savedAs, userKept } from '../../src/session/rules.js';
import { makeState } from '../helpers/state.js';

const ALICE = { sub: 'auth0|alice', iss: 'https://tenant.example/', sid: 'op-sid', email: 'a@example.com' };

describe('savedAs: the session a beforeSessionSaved hook made of what a write rule built', () => {
  const next = makeState({ user: ALICE, idToken: 'id', refreshToken: 'rt' });
  const view = publicSession(next);

  it("takes the hook's user, and a JSON copy of the tokens counts as unchanged", () => {
    const result = JSON.parse(JSON.stringify({ ...view, user: { ...ALICE, plan: 'gold' } })) as unknown;
    expect(savedAs(next, result)).toEqual({ ...next, user: { ...ALICE, plan: 'gold' } });
  });

  it('puts back sub, iss and sid when the hook drops them', () => {
    expect(savedAs(next, { ...view, user: { email: 'a@example.com' } }).user).toEqual(ALICE);
  });

  it.each([
    ['a changed iss', { ...view, user: { ...ALICE, iss: 'https://evil.example/' } }, /"iss"/],
    ['a changed sid', { ...view, user: { ...ALICE, sid: 'other' } }, /"sid"/],
    ['a field of its own', { ...view, roles: ['admin'] }, /"roles"/],
    ['a dropped token set', { ...view, tokenSets: [] }, /"tokenSets"/],
    ['internal fields', { ...view, internal: next.internal }, /"internal"/],
    ['no object', undefined, /no session object/],
    ['a user that is no object', { ...view, user: 'alice' }, /not an object/],
  ])('refuses %s (session_hook_invalid)', (_what, result, message) => {
    const err = (() => {
      try {
        return savedAs(next, result);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SessionHookError);
    expect(err).toMatchObject({ code: 'session_hook_invalid', message: expect.stringMatching(message) });
  });

  it('refuses a user added to a session without an ID token', () => {
    const bare = makeState({ user: undefined, idToken: undefined });
    const bareView = publicSession(bare);
    expect(() => savedAs(bare, { ...bareView, user: { sub: 'x' } })).toThrow(SessionHookError);
    expect(savedAs(bare, bareView)).toEqual(bare);
  });
});

describe("userKept: a refresh answer filed with the hook's user", () => {
  const current = makeState({ user: ALICE, refreshToken: 'rt-1' });
  const redeemed = refreshed(
    current,
    {
      tokens: { accessToken: 'at', expiresAt: 4_000_000_000, refreshToken: 'rt-2', idToken: 'id-2' },
      claims: { ...ALICE, aud: 'app' },
    },
    { audience: 'default' },
  );

  it('files the shaped user into the session and into every copy the answer is filed into again', () => {
    const kept = userKept(redeemed, ALICE);
    expect(kept.session.user).toEqual(ALICE);
    expect(kept.refile(makeState({ refreshToken: 'rt-1' }))).toMatchObject({
      user: ALICE,
      refreshToken: 'rt-2',
    });
  });

  it('after a failed hook, each copy keeps the user it had', () => {
    const other = { sub: 'auth0|alice', name: 'in the store' };
    const kept = userKept(redeemed, current.user, true);
    expect(kept.session.user).toEqual(ALICE);
    expect(kept.refile(makeState({ user: other }))).toMatchObject({ user: other, refreshToken: 'rt-2' });
  });
});
