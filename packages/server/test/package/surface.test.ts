// What the root entry offers a user, and what lives on a subpath instead (CHANGELOG, issue 18 item 3).
import { describe, expect, it } from 'vitest';
import * as root from '../../src/index.js';
import * as testing from '../../src/testing/index.js';

describe('the public surface', () => {
  it('MemoryStateStore (one session per cookie name for everyone) is on /testing, not the root entry', () => {
    expect(Object.keys(root)).not.toContain('MemoryStateStore');
    expect(Object.keys(testing)).toContain('MemoryStateStore');
  });

  it('the root entry keeps the cookie helpers a hand-written CookieHandler needs', () => {
    expect(Object.keys(root)).toEqual(expect.arrayContaining(['serializeCookie', 'parseCookieHeader']));
  });

  it('the root entry offers filterDefaultIdTokenClaims (a pure helper for a beforeSessionSaved hook) and SessionHookError', () => {
    expect(Object.keys(root)).toEqual(
      expect.arrayContaining(['filterDefaultIdTokenClaims', 'SessionHookError']),
    );
  });
});
