import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { start } from './support.js';

/** A raw request with a chosen Host header (fetch does not let a caller set it). */
function withHost(
  em: Emulator,
  host: string | undefined,
  path: string,
  method = 'GET',
): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: em.port, path, method, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', text }),
      );
    });
    if (host !== undefined) req.setHeader('host', host);
    req.on('error', reject);
    req.end();
  });
}

describe('Host header check (DNS rebinding)', () => {
  let em: Emulator;
  beforeAll(async () => {
    em = await start();
  });
  afterAll(() => em.close());

  it.each(['127.0.0.1', 'localhost', '[::1]', 'LOCALHOST'])('answers for %s:PORT', async (name) => {
    const { status } = await withHost(em, `${name}:${em.port}`, '/__dev/outbox');
    expect(status).toBe(200);
  });

  it.each([
    ['a rebound name with the port', (port: number) => `attacker.example:${port}`],
    ['a rebound name without a port', () => 'attacker.example'],
    ['the loopback address on another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['the loopback address without a port', () => '127.0.0.1'],
    ['a name that only starts like localhost', (port: number) => `localhost.attacker.example:${port}`],
  ])('refuses %s with 421 and a plain message, before any route', async (_name, host) => {
    for (const [method, path] of [
      ['GET', '/__dev/outbox'],
      ['POST', '/__dev/push/some-code/approve'],
      ['GET', '/.well-known/openid-configuration'],
    ] as const) {
      const answer = await withHost(em, host(em.port), path, method);
      expect(answer.status).toBe(421);
      expect(answer.type).toMatch(/^text\/plain/);
      expect(answer.text).toMatch(/Host/);
      expect(answer.text).not.toContain('attacker');
    }
  });

  it('refuses a request without a Host header', async () => {
    expect((await withHost(em, undefined, '/__dev/outbox')).status).toBe(400);
  });
});
