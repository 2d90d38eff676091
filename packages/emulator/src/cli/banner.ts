import type { EmulatorClient } from '../config/types.js';
import type { Emulator } from '../emulator.js';

/** `label` then the values one per line, aligned under the first, so long URI lists stay readable. */
function listed(label: string, values: string[]): string[] {
  const pad = ' '.repeat(label.length);
  return values.length === 0
    ? [`${label}(none)`]
    : values.map((value, i) => `${i === 0 ? label : pad}${value}`);
}

function clientLines(client: EmulatorClient): string[] {
  const lines = [`  ${client.client_id}  (auth: ${client.token_endpoint_auth_method})`];
  if (client.client_secret) lines.push(`    client_secret:         ${client.client_secret}`);
  lines.push(...listed('    redirect_uris:         ', client.redirect_uris));
  lines.push(...listed('    post_logout_redirect:  ', client.post_logout_redirect_uris));
  if (client.backchannel_logout_uri)
    lines.push(`    backchannel_logout:    ${client.backchannel_logout_uri}`);
  return lines;
}

/** What the CLI prints at start: where everything is, and the credentials a developer needs to log in. */
export function banner(
  em: Emulator,
  options: { logRequests: boolean; keyFile?: string | undefined },
): string {
  const lines = [
    'auth0-emulator: a local Auth0-compatible authorization server. Development only, not for production.',
    '',
    `Issuer:      ${em.issuer}`,
    ...listed('Custom:      ', em.issuers.slice(1)).filter(() => em.issuers.length > 1),
    `Discovery:   ${em.issuer}.well-known/openid-configuration`,
    `MFA API:     ${em.issuer}mfa/`,
    `Dev:         ${em.issuer}__dev/outbox  ${em.issuer}__dev/stats  POST ${em.issuer}__dev/reset`,
    `Management:  ${em.issuer}api/v2/ (users, authentication methods; a client with management_api)`,
    ...(em.caFile
      ? [
          `TLS:         certificate from the development CA ${em.caFile}`,
          `             trust it in Node.js: NODE_EXTRA_CA_CERTS=${em.caFile}`,
        ]
      : []),
    options.keyFile
      ? `Signing key: kept in ${options.keyFile} across restarts (delete it, or --new-keys, for a new one)`
      : 'Signing key: new at this start (--new-keys); apps that cached the old JWKS refuse new tokens for up to 30 s',
    '',
    'Clients:',
  ];
  for (const client of em.config.clients) lines.push(...clientLines(client));
  if (em.config.clients.length === 0) lines.push('  (none)');
  lines.push('', 'Users:');
  for (const user of em.config.users) {
    const seeded = em.seededUsers.find((entry) => entry.userId === user.user_id);
    const factors =
      seeded?.authenticators.map((a) =>
        a.secret ? `otp secret=${a.secret}` : (a.oob_channel ?? a.authenticator_type),
      ) ?? [];
    const state = factors.length
      ? `, enrolled: ${factors.join(', ')}`
      : user.mfa === 'required'
        ? ', must enroll'
        : '';
    lines.push(`  ${user.email} / ${user.password}  (${user.user_id}, mfa=${user.mfa}${state})`);
    if (seeded?.recoveryCode) lines.push(`    recovery code=${seeded.recoveryCode}`);
  }
  if (em.config.users.length === 0) lines.push('  (none)');
  if (em.config.apis.length) {
    lines.push('', 'APIs:');
    for (const api of em.config.apis)
      lines.push(`  ${api.audience}  (mfa=${api.mfa}, scopes: ${api.scopes.join(' ') || '-'})`);
  }
  lines.push(
    '',
    options.logRequests
      ? 'Requests are logged below (--quiet turns the log off). Ctrl-C stops.'
      : 'Ctrl-C stops.',
  );
  return lines.join('\n');
}
