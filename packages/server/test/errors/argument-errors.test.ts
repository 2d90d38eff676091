import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import {
  CookieTransactionStore,
  MemoryTransactionStore,
  ServerClient,
  StatefulStateStore,
  StatelessStateStore,
  serializeCookie,
} from '../../src/index.js';
import { createAdapterCore } from '../../src/adapters/core/index.js';
import { RedisTransactionStore } from '../../src/redis/index.js';
import { setup } from '../helpers/client.js';
import { code, SRC, sources } from '../helpers/sources.js';
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

describe('argument errors at the source', () => {
  it('src/ builds no TypeError or RangeError but through argumentError, so none lacks a code', () => {
    const bare = sources(SRC)
      .filter((file) => !file.endsWith(join('lib', 'validate.ts')))
      .filter((file) => /\bnew (TypeError|RangeError)\(/.test(code(file)))
      .map((file) => relative(SRC, file));
    expect(bare).toEqual([]);
  });
});

describe('one check, one wording', () => {
  const secret = 'x'.repeat(32);
  const base = { domain: 'tenant.example.com', clientId: 'c', clientSecret: 's', secret };
  const jar = new CookieJar();
  const fakeRedis = { call: async () => null };

  it('positive-number options: the same sentence and codes wherever they are checked', async () => {
    const cases: [string, (value: unknown) => unknown][] = [
      ['httpTimeout', (v) => new ServerClient({ ...base, cookieHandler: jar, httpTimeout: v as number })],
      ['mfaTokenTtl', (v) => new ServerClient({ ...base, cookieHandler: jar, mfaTokenTtl: v as number })],
      [
        'inactivityDuration',
        (v) => new StatelessStateStore({ secret, inactivityDuration: v as number }, jar),
      ],
      ['ttl', (v) => new CookieTransactionStore({ secret, ttl: v as number }, jar)],
      ['ttl', (v) => new MemoryTransactionStore({ ttl: v as number })],
      ['ttl', (v) => new RedisTransactionStore({ client: fakeRedis as never, secret, ttl: v as number })],
      [
        'timeoutMs',
        (v) => new RedisTransactionStore({ client: fakeRedis as never, secret, timeoutMs: v as number }),
      ],
      [
        'mfaWait.intervalMs',
        (v) =>
          createAdapterCore({
            ...base,
            appBaseUrl: 'https://app.example.com',
            mfaWait: { intervalMs: v as number },
          }),
      ],
    ];
    for (const [field, build] of cases) {
      const sentence = new RegExp(
        `^"${field.replace('.', '\\.')}" must be a positive number( of (seconds|milliseconds))?$`,
      );
      for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        const err = await argumentError(() => build(bad));
        expect(err.message).toMatch(sentence);
        expect(err.code).toBe('ERR_INVALID_ARG_VALUE');
      }
      const wrongType = await argumentError(() => build('5'));
      expect(wrongType.message).toMatch(sentence);
      expect(wrongType.code).toBe('ERR_INVALID_ARG_TYPE');
    }
  });

  it('the secret: the same sentence for the client and every store', async () => {
    const sentence = '"secret" must be a string of at least 32 characters';
    const errors = await Promise.all([
      argumentError(() => new ServerClient({ ...base, cookieHandler: jar, secret: 'short' })),
      argumentError(() => new StatelessStateStore({ secret: 'short' }, jar)),
      argumentError(() => new CookieTransactionStore({ secret: 'short' }, jar)),
      argumentError(() => new RedisTransactionStore({ client: fakeRedis as never, secret: 'short' })),
    ]);
    for (const err of errors) expect(err).toMatchObject({ message: sentence, code: 'ERR_INVALID_ARG_VALUE' });
    const listed = await argumentError(() => new StatelessStateStore({ secret: [secret, 'short'] }, jar));
    expect(listed.message).toBe('"secret"[1] must be a string of at least 32 characters');
    const none = await argumentError(() => new StatelessStateStore({ secret: [] }, jar));
    expect(none).toMatchObject({
      message: expect.stringMatching(/^"secret" must be/),
      code: 'ERR_INVALID_ARG_VALUE',
    });
  });

  it('cookie names: one pattern for the identifiers and the serializer', async () => {
    const identifier = await argumentError(
      () => new ServerClient({ ...base, cookieHandler: jar, stateIdentifier: 'a;b' }),
    );
    expect(identifier).toMatchObject({
      message: '"stateIdentifier" must be a valid cookie name',
      code: 'ERR_INVALID_ARG_VALUE',
    });
    expect(await argumentError(() => serializeCookie('a;b', 'v'))).toMatchObject({
      message: '"name" must be a valid cookie name',
      code: 'ERR_INVALID_ARG_VALUE',
    });
  });

  it('objects with methods: the same sentence for a cookie handler and a session store', async () => {
    const handler = await argumentError(() => new StatelessStateStore({ secret }, {} as never));
    expect(handler).toMatchObject({
      message: '"cookieHandler" must have the methods getCookie, getCookies, setCookie, deleteCookie',
      code: 'ERR_INVALID_ARG_TYPE',
    });
    const store = await argumentError(() => new StatefulStateStore({ secret, store: {} as never }, jar));
    expect(store).toMatchObject({
      message: '"store" must have the methods get, set, delete',
      code: 'ERR_INVALID_ARG_TYPE',
    });
  });
});

describe('the package entry', () => {
  it('exports MfaClient as a type only (client.mfa is the instance)', () => {
    expect('MfaClient' in api).toBe(false);
  });
});
