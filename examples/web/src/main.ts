#!/usr/bin/env node
// `npm run demo`: auth0-emulator on 4400 and the demo on 3000 (or --port / --emulator-port, PORT /
// EMULATOR_PORT), the URL and the test users printed, both stopped on Ctrl-C.
import { parseArgs } from 'node:util';
import { DEMO_KEY_FILE, startDemo } from './start.js';

const USAGE =
  'usage: npm run demo -- [--port N] [--emulator-port N] [--host localhost]   (or PORT=N EMULATOR_PORT=N)';

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new TypeError(`${name} must be a port number\n${USAGE}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'emulator-port': { type: 'string' },
      // Passkeys need a host name: `--host localhost` serves the demo there instead of on 127.0.0.1.
      host: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const host = values.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost')
    throw new TypeError(`--host must be 127.0.0.1 or localhost\n${USAGE}`);
  const demo = await startDemo({
    port: port(values.port ?? process.env.PORT, 3000, '--port'),
    emulatorPort: port(values['emulator-port'] ?? process.env.EMULATOR_PORT, 4400, '--emulator-port'),
    signingKeyFile: DEMO_KEY_FILE,
    appHost: host,
  });
  const lines = [
    '',
    `  Demo:      ${demo.url}/`,
    `  Emulator:  ${demo.emulator.issuer}   (codes sent by SMS, voice and email: ${demo.emulator.issuer}__dev/outbox)`,
    `  Signing key kept across restarts in ${DEMO_KEY_FILE} (delete it for a new one)`,
    '',
    '  Test users:',
  ];
  for (const user of demo.testUsers) {
    lines.push(`    ${user.email} / ${user.password}`, `      ${user.shows}`);
    if (user.otpKey) lines.push(`      authenticator app key: ${user.otpKey}`);
    if (user.recoveryCode) lines.push(`      recovery code: ${user.recoveryCode}`);
  }
  lines.push('', '  Press Ctrl-C to stop both.', '');
  console.log(lines.join('\n'));
  const stop = () => void demo.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const busy = typeof error === 'object' && error !== null && Reflect.get(error, 'code') === 'EADDRINUSE';
  console.error(
    busy ? `${message}: the port is in use; choose others with --port / --emulator-port` : message,
  );
  process.exit(1);
});
