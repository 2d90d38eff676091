import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'auth0-emulator';
import { startTestEmulator } from '../../../test/emulator.js';
import { baseConfig } from './support.js';

const run = promisify(execFile);

/** Runs `script` in a new Node.js process with `auth0-emulator/localhost` preloaded; its stdout. */
async function withPreload(script: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'auth0-emulator/localhost', '--input-type=module', '-e', script],
    {
      timeout: 60_000,
    },
  );
  return stdout.trim();
}

let em: Emulator;
beforeAll(async () => {
  em = await startTestEmulator(baseConfig(), { host: 'tenant.localhost' });
});
afterAll(() => em.close());

describe('node --import auth0-emulator/localhost', () => {
  it('the global fetch and node:http reach tenant.localhost', async () => {
    const discovery = new URL('.well-known/openid-configuration', em.issuer).href;
    const script = `
      import { get } from 'node:http';
      const viaFetch = (await (await fetch(${JSON.stringify(discovery)})).json()).issuer;
      const viaHttp = await new Promise((resolve, reject) =>
        get(${JSON.stringify(discovery)}, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject));
      console.log(JSON.stringify({ viaFetch, viaHttp }));`;
    expect(JSON.parse(await withPreload(script))).toEqual({ viaFetch: em.issuer, viaHttp: 200 });
  });

  it('dns.lookup and dns.promises.lookup answer loopback under .localhost and ask the system for other names', async () => {
    const script = `
      import dns from 'node:dns';
      const one = await new Promise((resolve, reject) =>
        dns.lookup('a.b.localhost', (error, address, family) => (error ? reject(error) : resolve({ address, family }))));
      const all = await dns.promises.lookup('Tenant.Localhost', { all: true });
      const system = await dns.promises.lookup('localhost', { family: 4 });
      console.log(JSON.stringify({ one, all, system }));`;
    expect(JSON.parse(await withPreload(script))).toEqual({
      one: { address: '127.0.0.1', family: 4 },
      all: [{ address: '127.0.0.1', family: 4 }],
      system: { address: '127.0.0.1', family: 4 },
    });
  });
});
