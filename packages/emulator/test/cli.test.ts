import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { homedir } from 'node:os';
import { defaultConfig, parseConfig } from 'auth0-emulator';
import type { Emulator } from '../src/emulator.js';
import { defaultKeyFile, runCli } from '../src/cli/run.js';

/** Collects what the command prints, line by line, stdout and stderr apart. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    output: {
      out: (text: string) => out.push(...text.split('\n')),
      err: (text: string) => err.push(...text.split('\n')),
    },
  };
}

// The CLI keeps its signing key in the home folder by default; these starts keep it in a temporary one.
let keys = '';
beforeAll(async () => {
  keys = await mkdtemp(join(tmpdir(), 'emu-cli-keys-'));
});
afterAll(() => rm(keys, { recursive: true, force: true }));

let running: Emulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(argv: string[]) {
  const io = capture();
  const chosen = argv.some((arg) => arg === '--config' || arg === '--key-file' || arg === '--new-keys');
  const result = await runCli(
    chosen ? argv : [...argv, '--key-file', join(keys, 'signing-key.json')],
    io.output,
  );
  if (!('emulator' in result)) throw new Error(`did not start: ${io.err.join('\n')}`);
  running = result.emulator;
  return { em: result.emulator, ...io };
}

describe('auth0-emulator --help', () => {
  it('lists every flag', async () => {
    const io = capture();
    expect(await runCli(['--help'], io.output)).toEqual({ exitCode: 0 });
    const text = io.out.join('\n');
    for (const flag of [
      '--port N',
      '--host HOST',
      '--config FILE',
      '--quiet',
      '--key-file FILE',
      '--new-keys',
      '-h, --help',
    ])
      expect(text).toContain(flag);
  });

  it('names every configuration field parseConfig knows', async () => {
    const io = capture();
    await runCli(['-h'], io.output);
    const text = io.out.join('\n');
    // A fully specified configuration: the field names of its parsed form are what the help must list.
    const parsed = parseConfig({
      ...defaultConfig,
      clients: [{ ...defaultConfig.clients[0], client_id: 'x', name: 'X', jwks: { keys: [] } }],
    });
    const fields = new Set<string>(Object.keys(parsed));
    for (const part of [parsed.clients[0], parsed.users[2], parsed.apis[0], parsed.ttl]) {
      for (const key of Object.keys(part ?? {})) fields.add(key);
    }
    for (const key of ['pushIntervalSeconds', 'oobTtlSeconds', 'mfaTokenTtlSeconds']) fields.add(key);
    for (const field of fields) expect(text, field).toMatch(new RegExp(`\\b${field}\\b`));
  });

  it('refuses an unknown flag with the usage, exit code 2', async () => {
    const io = capture();
    expect(await runCli(['--prot', '4500'], io.output)).toEqual({ exitCode: 2 });
    expect(io.err[0]).toMatch(/Unknown option '--prot'/);
    expect(io.err.join('\n')).toContain('usage: auth0-emulator');
  });
});

describe('the banner', () => {
  it('prints the issuer, each client’s credentials, redirect and post-logout URIs, the users and the APIs', async () => {
    const { em, out } = await start(['--port', '0']);
    const text = out.join('\n');
    expect(text).toContain(`Issuer:      ${em.issuer}`);
    const client = defaultConfig.clients[0];
    expect(text).toContain(`emulator-app  (auth: client_secret_post)`);
    expect(text).toContain(`client_secret:         ${client?.client_secret}`);
    for (const uri of client?.redirect_uris ?? [])
      expect(out.some((line) => line.trim().endsWith(uri))).toBe(true);
    for (const uri of client?.post_logout_redirect_uris ?? [])
      expect(out.filter((line) => line.trim().split(/\s+/).at(-1) === uri)).toHaveLength(1);
    expect(text).toContain('post_logout_redirect:  http://localhost:3000\n');
    expect(text).toContain('backchannel_logout:    http://127.0.0.1:3000/auth/backchannel-logout');
    expect(text).toContain('alice@example.com / Passw0rd!  (auth0|alice, mfa=off)');
    expect(text).toContain(
      'carol@example.com / Passw0rd!  (auth0|carol, mfa=required, enrolled: otp secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP)',
    );
    expect(text).toMatch(/recovery code=\S+/);
    expect(text).toContain('https://payments.example.com  (mfa=required, scopes: transfer:funds)');
  });

  it('lists the custom domain issuers from --config, and no such line without them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emu-cli-'));
    const file = join(dir, 'config.json');
    await writeFile(file, JSON.stringify({ custom_domains: ['brand-b.localhost', 'localhost'] }));
    try {
      const { em, out } = await start(['--port', '0', '--config', file]);
      expect(out).toContain(`Custom:      http://brand-b.localhost:${em.port}/`);
      expect(out).toContain(`             http://localhost:${em.port}/`);
      await em.close();
      running = undefined;
      const plain = await start(['--port', '0']);
      expect(plain.out.some((line) => line.startsWith('Custom:'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('shows a client without post-logout URIs as (none), from --config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emu-cli-'));
    const file = join(dir, 'config.json');
    await writeFile(
      file,
      JSON.stringify({ clients: [{ client_id: 'spa', redirect_uris: ['http://127.0.0.1:5173/cb'] }] }),
    );
    try {
      // The shared key file: a key kept beside --config would be a new RSA key for this test alone.
      const keyFile = join(keys, 'signing-key.json');
      const { out } = await start(['--port', '0', '--config', file, '--key-file', keyFile]);
      expect(out).toContain('  spa  (auth: none)');
      expect(out).toContain('    redirect_uris:         http://127.0.0.1:5173/cb');
      expect(out).toContain('    post_logout_redirect:  (none)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the signing key', () => {
  const kid = async (em: Emulator) =>
    ((await (await fetch(new URL('.well-known/jwks.json', em.issuer))).json()) as { keys: { kid: string }[] })
      .keys[0]?.kid;

  it('is kept beside --config across restarts, and the banner says where', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emu-cli-'));
    const file = join(dir, 'config.json');
    await writeFile(file, '{}');
    try {
      const first = await start(['--port', '0', '--quiet', '--config', file]);
      const kept = join(dir, '.auth0-emulator', 'signing-key.json');
      expect(first.out).toContain(
        `Signing key: kept in ${kept} across restarts (delete it, or --new-keys, for a new one)`,
      );
      const before = await kid(first.em);
      await first.em.close();
      running = undefined;
      const second = await start(['--port', '0', '--quiet', '--config', file]);
      expect(await kid(second.em)).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is kept in the home folder without --config, and is new each start with --new-keys', async () => {
    expect(defaultKeyFile(undefined)).toBe(join(homedir(), '.auth0-emulator', 'signing-key.json'));
    const fresh = await start(['--port', '0', '--quiet', '--new-keys']);
    expect(fresh.out.join('\n')).toContain('Signing key: new at this start (--new-keys)');
  });
});

describe('start failures', () => {
  let blocker: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
    blocker = undefined;
  });

  it('a busy port says so and suggests --port, exit code 1', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const io = capture();
    expect(await runCli(['--port', String(port), '--new-keys'], io.output)).toEqual({ exitCode: 1 });
    expect(io.err[0]).toBe(
      `auth0-emulator: port ${port} on 127.0.0.1 is already in use (another emulator still running?).`,
    );
    expect(io.err[1]).toMatch(/start on another port: --port \d+ \(or --port 0 for any free port\)/);
    expect(io.out).toEqual([]);
  });

  it('a bad --port or --host is named, exit code 2', async () => {
    const io = capture();
    expect(await runCli(['--port', '4400x'], io.output)).toEqual({ exitCode: 2 });
    expect(await runCli(['--host', '0.0.0.0'], io.output)).toEqual({ exitCode: 2 });
    expect(io.err).toEqual([
      'auth0-emulator: --port must be a port number from 0 to 65535, not "4400x"',
      'auth0-emulator: --host must be 127.0.0.1, localhost or a name under .localhost (tenant.localhost), not "0.0.0.0"',
    ]);
  });

  it('a missing or invalid --config file is named', async () => {
    const io = capture();
    expect(await runCli(['--port', '0', '--config', '/nonexistent/emulator.json'], io.output)).toEqual({
      exitCode: 1,
    });
    expect(io.err).toEqual(['auth0-emulator: --config /nonexistent/emulator.json: file not found.']);
  });
});

describe('the request log', () => {
  it('prints one line per request by default: method, path, status, milliseconds', async () => {
    const { em, out } = await start(['--port', '0']);
    const before = out.length;
    await (await fetch(new URL('.well-known/openid-configuration?x=secret-value', em.issuer))).text();
    await (await fetch(new URL('nowhere', em.issuer))).text();
    await vi.waitFor(() => expect(out.length - before).toBe(2));
    const lines = out.slice(before);
    expect(lines[0]).toMatch(/^GET \/\.well-known\/openid-configuration 200 \d+ ms$/);
    expect(lines[1]).toMatch(/^GET \/nowhere 404 \d+ ms$/);
  });

  it('--quiet prints no request lines', async () => {
    const { em, out } = await start(['--port', '0', '--quiet']);
    const before = out.length;
    await (await fetch(new URL('.well-known/openid-configuration', em.issuer))).text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(out.slice(before)).toEqual([]);
    expect(out.at(-1)).toBe('Ctrl-C stops.');
  });
});
