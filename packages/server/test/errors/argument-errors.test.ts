import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { ServerClient, StatelessStateStore, serializeCookie } from '../../src/index.js';
import { setup } from '../helpers/client.js';
import { CookieJar } from '../helpers/cookie-jar.js';

/** The TypeError `fn` throws (or rejects with), with its code. */
async function argumentError(fn: () => unknown): Promise<TypeError & { code?: unknown }> {
  let caught: unknown;
  try {
    await fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(TypeError);
  return caught instanceof TypeError ? caught : new TypeError('none');
}

describe('option and argument TypeErrors', () => {
  const base = {
    domain: 'tenant.example.com',
    clientId: 'c',
    clientSecret: 's',
    cookieHandler: new CookieJar(),
  };

  it('carry ERR_INVALID_ARG_TYPE for a value of the wrong type, naming the field', async () => {
    const err = await argumentError(() => new ServerClient({ ...base, secret: 42 as unknown as string }));
    expect(err.code).toBe('ERR_INVALID_ARG_TYPE');
    expect(err.message).toMatch(/"secret"/);
    const { client } = await setup();
    const audience = await argumentError(() => client.getAccessToken({ audience: 7 as unknown as string }));
    expect(audience).toMatchObject({
      code: 'ERR_INVALID_ARG_TYPE',
      message: expect.stringMatching(/"audience"/),
    });
  });

  it('carry ERR_INVALID_ARG_VALUE for a value of the right type that is not acceptable', async () => {
    const short = await argumentError(() => new ServerClient({ ...base, secret: 'short' }));
    expect(short.code).toBe('ERR_INVALID_ARG_VALUE');
    const domain = await argumentError(
      () => new ServerClient({ ...base, secret: 'x'.repeat(32), domain: 'http://evil.example.com' }),
    );
    expect(domain.code).toBe('ERR_INVALID_ARG_VALUE');
    const { client } = await setup();
    expect(await argumentError(() => client.logout({ returnTo: 'not a url' }))).toMatchObject({
      code: 'ERR_INVALID_ARG_VALUE',
    });
    expect(await argumentError(() => client.mfa.verify({ mfaToken: 'x' } as never))).toMatchObject({
      code: 'ERR_INVALID_ARG_VALUE',
    });
  });

  it('every TypeError from options, stores and cookies has a code', async () => {
    const errors = await Promise.all([
      argumentError(
        () => new StatelessStateStore({ secret: 'x'.repeat(32), inactivityDuration: -1 }, new CookieJar()),
      ),
      argumentError(() => new StatelessStateStore({ secret: 'x'.repeat(32) }, {} as never)),
      argumentError(() => serializeCookie('a; Domain=evil', 'v')),
      argumentError(() => new ServerClient({ ...base, secret: 'x'.repeat(32), httpTimeout: -1 })),
      argumentError(() => new ServerClient({ ...base, secret: 'x'.repeat(32), customFetch: 1 as never })),
    ]);
    for (const err of errors) expect(['ERR_INVALID_ARG_TYPE', 'ERR_INVALID_ARG_VALUE']).toContain(err.code);
  });
});

describe('the package entry', () => {
  it('exports MfaClient as a type only (client.mfa is the instance)', () => {
    expect('MfaClient' in api).toBe(false);
  });
});
