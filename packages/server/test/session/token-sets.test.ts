import { describe, expect, it } from 'vitest';
import { findTokenSet, tokenSetMatches, upsertTokenSet } from '../../src/session/index.js';
import { makeState, makeTokenSet } from '../helpers/state.js';

const API = 'https://api.example.com';

describe('tokenSetMatches', () => {
  it('serves a request for the same audience that asks for a subset of its scopes', () => {
    expect(tokenSetMatches(makeTokenSet(API, 'read write'), { audience: API, scope: 'write read' })).toBe(
      true,
    );
    expect(tokenSetMatches(makeTokenSet(API, 'read write'), { audience: API, scope: 'read' })).toBe(true);
  });

  it('serves any request for its audience that names no scope', () => {
    expect(tokenSetMatches(makeTokenSet(API, undefined), { audience: API })).toBe(true);
    expect(tokenSetMatches(makeTokenSet(API, 'read'), { audience: API, scope: '' })).toBe(true);
  });

  it('does not serve another audience or a scope it lacks', () => {
    expect(tokenSetMatches(makeTokenSet(API, 'read'), { audience: 'https://other', scope: 'read' })).toBe(
      false,
    );
    expect(tokenSetMatches(makeTokenSet(API, 'read'), { audience: API, scope: 'read write' })).toBe(false);
    expect(tokenSetMatches(makeTokenSet(API, undefined), { audience: API, scope: 'read' })).toBe(false);
  });

  it('does not treat a scope as a prefix of another', () => {
    expect(tokenSetMatches(makeTokenSet(API, 'read:items'), { audience: API, scope: 'read' })).toBe(false);
  });
});

describe('findTokenSet', () => {
  it('returns undefined without a session or without a match', () => {
    expect(findTokenSet(undefined, { audience: API })).toBeUndefined();
    expect(findTokenSet(makeState(), { audience: 'https://other' })).toBeUndefined();
  });

  it('prefers the matching set that expires last', () => {
    const early = makeTokenSet(API, 'read write', 100);
    const late = makeTokenSet(API, 'read', 900);
    const state = makeState({ tokenSets: [early, late, makeTokenSet('https://other', 'read', 5000)] });
    expect(findTokenSet(state, { audience: API, scope: 'read' })).toBe(late);
    expect(findTokenSet(state, { audience: API, scope: 'write' })).toBe(early);
  });

  it('prefers the set filed last of those that expire at the same time (a forced refresh in the same second)', () => {
    const older = makeTokenSet(API, 'read write', 900);
    const newer = { ...makeTokenSet(API, 'read', 900), expiresAt: older.expiresAt };
    expect(findTokenSet(makeState({ tokenSets: [older, newer] }), { audience: API })).toBe(newer);
  });
});

describe('upsertTokenSet', () => {
  it('replaces the set with the same audience and scopes, whatever their order', () => {
    const state = makeState({ tokenSets: [makeTokenSet(API, 'read write')] });
    const fresh = { ...makeTokenSet(API, 'write  read', 7200), accessToken: 'new' };
    const next = upsertTokenSet(state, fresh);
    expect(next.tokenSets).toEqual([fresh]);
  });

  it('keeps sets for other audiences and other scopes', () => {
    const other = makeTokenSet('https://other', 'read');
    const narrower = makeTokenSet(API, 'read');
    const next = upsertTokenSet(makeState({ tokenSets: [other, narrower] }), makeTokenSet(API, 'read write'));
    expect(next.tokenSets.map((t) => `${t.audience} ${t.scope}`)).toEqual([
      'https://other read',
      `${API} read`,
      `${API} read write`,
    ]);
  });

  it('prunes expired sets so the session stays small', () => {
    const expired = makeTokenSet('https://old', 'read', -1);
    const next = upsertTokenSet(makeState({ tokenSets: [expired] }), makeTokenSet(API, 'read'));
    expect(next.tokenSets.map((t) => t.audience)).toEqual([API]);
  });

  it('does not modify the session it is given', () => {
    const state = makeState();
    const before = structuredClone(state);
    const next = upsertTokenSet(state, makeTokenSet(API, 'read'));
    expect(state).toEqual(before);
    expect(next).not.toBe(state);
    expect(next.tokenSets).not.toBe(state.tokenSets);
  });
});
