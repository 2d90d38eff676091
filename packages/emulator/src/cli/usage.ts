import { configHelp } from '../config/schema.js';

/** The text of `auth0-emulator --help`: every flag, then the configuration file's fields. */
export const USAGE = `usage: auth0-emulator [--port N] [--host HOST] [--https [--cert-dir DIR]] [--config FILE] [--quiet]
                      [--key-file FILE | --new-keys]

A local Auth0-compatible authorization server for development and tests. Not for production.

Flags:
  --port N         TCP port to listen on (default 4400; 0 picks a free one)
  --host HOST      127.0.0.1 (default), localhost or a name under .localhost (tenant.localhost);
                   the issuer uses the same host
  --https          serve HTTPS with a certificate from a local development CA, created once;
                   trust it with NODE_EXTRA_CA_CERTS=<cert dir>/ca.pem (printed at start)
  --cert-dir DIR   where the CA is kept (default .auth0-emulator/ beside --config FILE,
                   else ~/.auth0-emulator/)
  --config FILE    JSON configuration (fields below); without it a demo tenant is used:
                   client emulator-app, users alice/bob/carol@example.com (password Passw0rd!)
  --quiet          no request log (codes sent, push challenges and errors still print)
  --key-file FILE  where the signing key is kept across restarts (default
                   .auth0-emulator/signing-key.json beside --config, else in the home folder)
  --new-keys       a new signing key at each start, written nowhere
  -h, --help       print this help and exit

Configuration file (every field optional but the ids, and a user's email and password; its JSON
Schema is config.schema.json in this package, for editors: "$schema": "./node_modules/auth0-emulator/config.schema.json"):
${configHelp()}

More: the auth0-emulator README.`;
