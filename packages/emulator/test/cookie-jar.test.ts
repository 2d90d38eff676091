import { CookieJar } from 'auth0-emulator';
import { CookieJar as SubpathCookieJar } from 'auth0-emulator/testing';
import { describe, expect, it } from 'vitest';

const answer = (...setCookie: string[]) => {
  const headers = new Headers();
  for (const line of setCookie) headers.append('set-cookie', line);
  return new Response(null, { headers });
};

describe('CookieJar', () => {
  it('is the same class from auth0-emulator/testing, the subpath that loads without Node', () => {
    expect(SubpathCookieJar).toBe(CookieJar);
  });

  it('store keeps what a response sets and forgets what it expires, by Max-Age or Expires', () => {
    const jar = new CookieJar();
    jar.store(answer('a=1; Path=/; HttpOnly', 'b=2', 'c=3'));
    jar.store(answer('b=; Max-Age=0', `c=3; Expires=${new Date(0).toUTCString()}`));
    expect(jar.header()).toBe('a=1');
  });

  it('set and entries let a test plant or tamper with a cookie the next request sends', () => {
    const jar = new CookieJar();
    jar.store(answer('session=abc; Path=/'));
    jar.set('session', 'abd');
    jar.set('planted', 'x');
    expect(jar.entries()).toEqual([
      ['session', 'abd'],
      ['planted', 'x'],
    ]);
    expect(jar.header()).toBe('session=abd; planted=x');
  });
});
