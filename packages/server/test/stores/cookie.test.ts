import { describe, expect, it } from 'vitest';
import { parseCookieHeader, serializeCookie } from '../../src/stores/index.js';

describe('serializeCookie', () => {
  it('writes the value and every attribute', () => {
    expect(
      serializeCookie('__a0_session.0', 'abc.def', {
        maxAge: 60,
        domain: 'example.com',
        path: '/',
        expires: new Date(0),
        httpOnly: true,
        secure: true,
        partitioned: true,
        priority: 'high',
        sameSite: 'lax',
      }),
    ).toBe(
      '__a0_session.0=abc.def; Max-Age=60; Domain=example.com; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; Partitioned; Priority=High; SameSite=Lax',
    );
  });

  it('rejects names, values and attributes a cookie cannot carry', () => {
    expect(() => serializeCookie('a b', 'v')).toThrow(/"name"/);
    expect(() => serializeCookie('a', 'v;x')).toThrow(/"value"/);
    expect(() => serializeCookie('a', 'v', { path: '/;evil' })).toThrow(/"path"/);
    expect(() => serializeCookie('a', 'v', { maxAge: 1.5 })).toThrow(/"maxAge"/);
  });
});

describe('parseCookieHeader', () => {
  it('parses pairs, keeps the first of a repeated name, and decodes escapes', () => {
    expect(parseCookieHeader('a=1; b="two"; a=3; c=%7Bx%7D; d=%zz; junk; =e')).toEqual({
      a: '1',
      b: 'two',
      c: '{x}',
      d: '%zz',
    });
  });

  it('splits each pair at its first "=", trims names and values, and skips pairs without a name', () => {
    expect(parseCookieHeader(' x ; a = b=c ;y;; e= ; =f; z="" ;')).toEqual({ a: 'b=c', e: '', z: '' });
    expect(parseCookieHeader('')).toEqual({});
    expect(parseCookieHeader('no-pair-here')).toEqual({});
  });
});
