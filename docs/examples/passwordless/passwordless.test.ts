import { readFileSync } from 'node:fs';
import type { Emulator } from 'auth0-emulator';
import { ServerClient, type CookieHandler } from 'auth0-server-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../../test/emulator.js';
import { docBlocks, region } from '../regions.js';
import {
  magicLinkCallback,
  sendEmailCode,
  sendMagicLink,
  sendSmsCode,
  verifyEmailCode,
  verifySmsCode,
} from './passwordless.js';

const CALLBACK = 'http://127.0.0.1:3000/auth/passwordless/callback';
const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';

/** A browser: its cookies, passed as the store options of each call. */
type Browser = Map<string, string>;
const cookies: CookieHandler<Browser> = {
  getCookie: (name, jar) => jar?.get(name),
  getCookies: (jar) => Object.fromEntries(jar ?? []),
  setCookie: (name, value, options, jar) =>
    void (options?.maxAge === 0 ? jar?.delete(name) : jar?.set(name, value)),
  deleteCookie: (name, jar) => void jar?.delete(name),
};

describe('docs/passwordless.md', () => {
  let em: Emulator;
  let client: ServerClient<Browser>;
  const sent = () => em.mfa.outbox().at(-1);
  beforeAll(async () => {
    em = await startTestEmulator({
      clients: [{ client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: [CALLBACK] }],
      users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
    });
    client = new ServerClient<Browser>({
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      secret: 'the-app-cookie-secret-of-at-least-32-chars',
      authorizationParams: { redirect_uri: CALLBACK },
      cookieHandler: cookies,
    });
  });
  afterAll(() => em.close());

  it('email code: a wrong code gets the message, the right one a session', async () => {
    const browser: Browser = new Map();
    await sendEmailCode(client, 'alice@example.com', browser);
    const code = sent()?.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await verifyEmailCode(client, 'alice@example.com', wrong, browser)).toEqual({
      ok: false,
      message: 'That code is wrong or has expired.',
    });
    expect(await verifyEmailCode(client, 'alice@example.com', code, browser)).toEqual({ ok: true });
    expect((await client.getUser(browser))?.sub).toBe('auth0|alice');
  });

  it('SMS code', async () => {
    const browser: Browser = new Map();
    await sendSmsCode(client, '+14155550100', browser);
    await verifySmsCode(client, '+14155550100', sent()?.code ?? '', browser);
    expect((await client.getUser(browser))?.sub).toMatch(/^sms\|/);
  });

  it('magic link', async () => {
    const browser: Browser = new Map();
    await sendMagicLink(client, 'alice@example.com', CALLBACK, browser);
    const landing = await fetch(sent()?.link ?? '', { redirect: 'manual' });
    await magicLinkCallback(client, new URL(landing.headers.get('location') ?? ''), browser);
    expect((await client.getUser(browser))?.sub).toBe('auth0|alice');
  });

  it('shows each snippet exactly as its example file has it', () => {
    const page = new URL('../../passwordless.md', import.meta.url);
    const blocks = docBlocks(page);
    expect(blocks.length).toBe(3);
    for (const block of blocks) expect(block.code).toBe(region(new URL(block.file, page), block.name));
    expect(readFileSync(page, 'utf8').match(/```ts/g)?.length).toBe(blocks.length);
  });
});
