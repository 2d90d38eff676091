import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../src/adapters/core/index.js';
import { auth0 } from '../../src/adapters/web.js';
import { offlineOptions } from './bindings.js';

const APP = 'https://app.example.com';

/** What a browser does with the value as a `Location` on the app: stays on the app, at that path. */
function staysOnApp(path: string): boolean {
  return (
    path.startsWith('/') &&
    !path.startsWith('//') &&
    !/[\\\u0000-\u001f\u007f]/.test(path) &&
    new URL(path, APP).origin === APP
  );
}

/** Paths made of the pieces that fool a one-pass normaliser: dot segments, escaped dots and slashes. */
const tricky = fc
  .array(
    fc.constantFrom(
      '/',
      '.',
      '..',
      '%2e',
      '%2E',
      '%2e%2e',
      '.%2e',
      '%2f',
      '%5c',
      '\\',
      '//',
      'evil.example',
      'x',
      '?',
      '#',
      '@',
      ':',
      '%',
      ' ',
      '\t',
    ),
    { maxLength: 12 },
  )
  .map((parts) => `/${parts.join('')}`);

describe('safeReturnTo', () => {
  it.each([
    ['/profile', '/profile'],
    ['/orders?id=1#top', '/orders?id=1#top'],
    ['/a/../b', '/b'],
  ])('keeps the path on this app %s', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example',
    '/\t/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'profile',
    '',
    '/line\r\nbreak',
  ])('sends %j to the fallback instead', (input) => {
    expect(safeReturnTo(input, '/home')).toBe('/home');
  });

  it('keeps percent-escapes escaped, so they cannot split a header', () => {
    expect(safeReturnTo('/%0d%0aSet-Cookie:x')).toBe('/%0d%0aSet-Cookie:x');
  });

  it('ignores what is not a string', () => {
    expect(safeReturnTo(['/x'])).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
  });
  it.each([
    '/.//evil.example/x',
    '/%2e%2e//evil.example/x',
    '/%2E%2E//evil.example/x',
    '/x/..//evil.example',
    '/./%2e//evil.example',
  ])('does not turn %s into a scheme-relative URL', (input) => {
    const once = safeReturnTo(input);
    expect(once.startsWith('//')).toBe(false);
    expect(safeReturnTo(once)).toBe(once);
  });

  it('is idempotent and always gives a path on this app (property)', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string(), fc.webPath()), (input) => {
        const once = safeReturnTo(input);
        expect(staysOnApp(once), once).toBe(true);
        expect(safeReturnTo(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a defaultReturnTo that would not stay on the app', () => {
    for (const bad of ['//evil.example', '/.//evil.example', '/\\evil.example'])
      expect(() => auth0({ ...offlineOptions, appBaseUrl: APP, defaultReturnTo: bad })).toThrow(
        /"defaultReturnTo"/,
      );
  });
});
