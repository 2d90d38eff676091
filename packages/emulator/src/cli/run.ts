import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../config/defaults.js';
import { parseConfig } from '../config/parse.js';
import { isEmulatorHost, startEmulator } from '../emulator.js';
import { SIGNING_KEY_FILE, stateDir } from '../config/state-dir.js';
import type { Emulator } from '../emulator.js';
import { banner } from './banner.js';
import { USAGE } from './usage.js';

/** Where the CLI writes: stdout and stderr in the real one, arrays in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** What the command ended with: a running emulator, or an exit code when it did not start. */
export type CliResult = { emulator: Emulator } | { exitCode: number };

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && Reflect.get(error, 'code') === code;
}

/** One line that says what to do, for the ways a start fails on a developer's machine. */
function startFailure(error: unknown, port: number, host: string, configFile: string | undefined): string {
  if (hasCode(error, 'EADDRINUSE'))
    return (
      `auth0-emulator: port ${port} on ${host} is already in use (another emulator still running?).\n` +
      `Stop the other process, or start on another port: --port ${port === 65_535 ? 4400 : port + 1} (or --port 0 for any free port).`
    );
  if (hasCode(error, 'EACCES'))
    return `auth0-emulator: not allowed to listen on port ${port}; use --port with a port above 1023.`;
  if (configFile && hasCode(error, 'ENOENT'))
    return `auth0-emulator: --config ${configFile}: file not found.`;
  if (configFile && error instanceof SyntaxError)
    return `auth0-emulator: --config ${configFile} is not valid JSON: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  return `auth0-emulator: ${configFile ? `--config ${configFile}: ` : ''}${message}`;
}

/**
 * Where the signing key is kept by default: `.auth0-emulator/signing-key.json` beside the configuration
 * file, else in the home folder, so a restart keeps the keys that running apps have cached.
 */
export function defaultKeyFile(configFile: string | undefined): string {
  return join(stateDir({ configFile }), SIGNING_KEY_FILE);
}

/**
 * The `auth0-emulator` command without the process around it: parses `argv`, prints the help or starts
 * the emulator and prints the banner. The request log is on unless `--quiet`.
 */
export async function runCli(argv: string[], output: CliOutput): Promise<CliResult> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '4400' },
        config: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        https: { type: 'boolean', default: false },
        'cert-dir': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        'key-file': { type: 'string' },
        'new-keys': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    output.err(`auth0-emulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return { exitCode: 2 };
  }
  if (values.help) {
    output.out(USAGE);
    return { exitCode: 0 };
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) {
    output.err(`auth0-emulator: --port must be a port number from 0 to 65535, not "${values.port}"`);
    return { exitCode: 2 };
  }
  const host = values.host;
  if (!isEmulatorHost(host)) {
    output.err(
      `auth0-emulator: --host must be 127.0.0.1, localhost or a name under .localhost (tenant.localhost), not "${host}"`,
    );
    return { exitCode: 2 };
  }
  if (values['cert-dir'] !== undefined && !values.https) {
    output.err('auth0-emulator: --cert-dir needs --https');
    return { exitCode: 2 };
  }
  const logRequests = !values.quiet;
  const keyFile = values['new-keys'] ? undefined : (values['key-file'] ?? defaultKeyFile(values.config));
  try {
    const raw: unknown = values.config ? JSON.parse(await readFile(values.config, 'utf8')) : defaultConfig;
    const emulator = await startEmulator({
      port,
      host,
      config: parseConfig(raw),
      logRequests,
      log: (line) => output.out(line),
      ...(keyFile === undefined ? {} : { signingKeyFile: keyFile }),
      ...(values.https
        ? { https: { dir: stateDir({ dir: values['cert-dir'], configFile: values.config }) } }
        : {}),
    });
    output.out(banner(emulator, { logRequests, keyFile }));
    return { emulator };
  } catch (error) {
    output.err(startFailure(error, port, host, values.config));
    return { exitCode: 1 };
  }
}
