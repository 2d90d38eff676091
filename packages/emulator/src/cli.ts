#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { defaultConfig } from './config/defaults.js';
import { parseConfig } from './config/parse.js';
import { startEmulator } from './emulator.js';
import type { Emulator } from './emulator.js';

const USAGE = 'usage: auth0-emulator [--port N] [--config FILE] [--host 127.0.0.1|localhost]';

function banner(em: Emulator): string {
  const lines = [
    'auth0-emulator: a local Auth0-compatible authorization server. Development only, not for production.',
    '',
    `Issuer:      ${em.issuer}`,
    `Discovery:   ${em.issuer}.well-known/openid-configuration`,
    `MFA API:     ${em.issuer}mfa/`,
    `Dev:         ${em.issuer}__dev/outbox  ${em.issuer}__dev/stats`,
    '',
    'Clients:',
  ];
  for (const client of em.config.clients) {
    lines.push(`  client_id=${client.client_id}  auth=${client.token_endpoint_auth_method}`);
    if (client.client_secret) lines.push(`    client_secret=${client.client_secret}`);
    if (client.redirect_uris.length) lines.push(`    redirect_uris=${client.redirect_uris.join(' ')}`);
  }
  lines.push('', 'Users:');
  for (const user of em.config.users) {
    const seeded = em.seededUsers.find((entry) => entry.userId === user.user_id);
    const factors =
      seeded?.authenticators.map((a) =>
        a.secret ? `otp secret=${a.secret}` : (a.oob_channel ?? a.authenticator_type),
      ) ?? [];
    lines.push(
      `  ${user.email} / ${user.password}  (${user.user_id}, mfa=${user.mfa}${factors.length ? `, enrolled: ${factors.join(', ')}` : user.mfa === 'required' ? ', must enroll' : ''})`,
    );
    if (seeded?.recoveryCode) lines.push(`    recovery code=${seeded.recoveryCode}`);
  }
  if (em.config.apis.length) {
    lines.push('', 'APIs:');
    for (const api of em.config.apis)
      lines.push(`  ${api.audience}  (mfa=${api.mfa}, scopes: ${api.scopes.join(' ') || '-'})`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4400' },
      config: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`--port must be a port number\n${USAGE}`);
  if (values.host !== '127.0.0.1' && values.host !== 'localhost')
    throw new TypeError(`--host must be 127.0.0.1 or localhost\n${USAGE}`);
  const raw: unknown = values.config ? JSON.parse(await readFile(values.config, 'utf8')) : defaultConfig;
  const em = await startEmulator({ port, host: values.host, config: parseConfig(raw) });
  console.log(banner(em));
  const stop = () => void em.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
