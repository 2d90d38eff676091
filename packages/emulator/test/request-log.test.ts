import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CookieJar, generateTotp, startEmulator } from 'auth0-emulator';
import type { Emulator, RequestLogEntry } from 'auth0-emulator';
import { formatRequestLine, loggablePath } from '../src/server/request-log.js';
import { CLIENT_SECRET, baseConfig, codeFlow, token } from './support.js';
import { EMULATOR_SIGNING_KEY } from '../../../test/keys.js';

describe('startEmulator request log', () => {
  let em: Emulator;
  const lines: string[] = [];
  const entries: RequestLogEntry[] = [];

  beforeAll(async () => {
    em = await startEmulator({
      port: 0,
      signingKey: EMULATOR_SIGNING_KEY,
      config: baseConfig(),
      logRequests: true,
      log: (line) => lines.push(line),
      onRequest: (entry) => entries.push(entry),
    });
  });
  afterAll(() => em.close());

  it('is off by default: a started emulator prints nothing per request', async () => {
    const printed: string[] = [];
    const silent = await startEmulator({
      port: 0,
      signingKey: EMULATOR_SIGNING_KEY,
      config: baseConfig(),
      log: (line) => printed.push(line),
    });
    try {
      await (await fetch(new URL('.well-known/openid-configuration', silent.issuer))).text();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(printed).toEqual([]);
    } finally {
      await silent.close();
    }
  });

  it('logs a whole login and token exchange without a code, token, secret, state or query value', async () => {
    const from = lines.length;
    const jar = new CookieJar();
    const tokens = await codeFlow(
      em,
      {
        email: 'carol@example.com',
        password: 'Passw0rd!',
        otp: generateTotp('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
      },
      { scope: 'openid offline_access', state: 'state-value-123', nonce: 'nonce-value-456' },
      { jar },
    );
    const refreshed = await token(em, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    await vi.waitFor(() => expect(entries.at(-1)?.path).toBe('/oauth/token'));
    const logged = lines.slice(from);

    expect(logged.length).toBeGreaterThanOrEqual(6);
    for (const line of logged) expect(line).toMatch(/^(GET|POST) \/\S* (\d{3}|-) \d+ ms$/);
    expect(logged.some((line) => /^GET \/authorize 303 \d+ ms$/.test(line))).toBe(true);
    expect(logged.some((line) => /^POST \/oauth\/token 200 \d+ ms$/.test(line))).toBe(true);

    const text = logged.join('\n');
    const secrets = [
      String(tokens.access_token),
      String(tokens.refresh_token),
      String(tokens.id_token),
      String(refreshed.body.access_token),
      CLIENT_SECRET,
      'Passw0rd!',
      'state-value-123',
      'nonce-value-456',
      'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('?');
    expect(text).not.toContain('code=');
  });

  it('gives the hook the same fields as the line', async () => {
    await (await fetch(new URL('userinfo', em.issuer))).text();
    await vi.waitFor(() => expect(entries.at(-1)?.path).toBe('/userinfo'));
    const entry = entries.at(-1);
    expect(entry).toEqual({ method: 'GET', path: '/userinfo', status: 401, ms: expect.any(Number) });
    expect(lines).toContain(formatRequestLine(entry as RequestLogEntry));
  });

  it('keeps the oob_code of a push answer out of the path', async () => {
    await fetch(new URL('__dev/push/secret-oob-code/approve', em.issuer), { method: 'POST' }).then((r) =>
      r.text(),
    );
    await vi.waitFor(() => expect(entries.at(-1)?.path).toBe('/__dev/push/:oob_code/approve'));
    expect(lines.join('\n')).not.toContain('secret-oob-code');
  });
});

describe('loggablePath', () => {
  it('drops the query string and fragment', () => {
    expect(loggablePath('/authorize?code=abc&state=xyz')).toBe('/authorize');
  });
  it('cannot start a new log line', () => {
    expect(loggablePath('/a\r\nGET /forged 200 1 ms')).not.toMatch(/[\r\n]/);
  });
  it('cuts very long paths', () => {
    expect(loggablePath(`/${'a'.repeat(500)}`)).toHaveLength(203);
  });
});
