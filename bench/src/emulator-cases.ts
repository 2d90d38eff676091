// The emulator measured as a tool, without an SDK in the way: how fast `startEmulator` with the
// default config is ready, and how many login round trips (authorize, the login form, the callback's
// code, the code exchange) it serves one after another. Targets (issue 21): a start under 150 ms,
// at least 200 logins per second.
import { createHash, randomBytes } from 'node:crypto';
import { driveLogin, localhostFetch, startEmulator, type Emulator } from 'auth0-emulator';
import type { Case } from './cases.js';

const CLIENT_ID = 'bench';

/** `emulator-start`: a default start (and its close, so the runs do not pile up sockets). */
export function emulatorStartCase(): Case {
  const start = async () => {
    const em = await startEmulator({ port: 0, quiet: true });
    await em.close();
    return em.issuer;
  };
  return {
    name: 'emulator-start',
    kind: 'ops',
    ours: start,
    allocBatch: 5,
    verify: async () => (await start()).startsWith('http://127.0.0.1:'),
  };
}

/**
 * One login round trip as a test client makes it: authorize, the login form, the redirect with the
 * code, the code exchange; true when an ID token came back. `request` carries every call (the CPU
 * figures of `emulator-cpu` compare transports through it).
 */
export async function emulatorLogin(
  issuer: string,
  clientSecret: string,
  redirectUri: string,
  request: typeof fetch,
): Promise<boolean> {
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL('authorize', issuer);
  authorize.search = new URLSearchParams({
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid',
    state: randomBytes(8).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const back = new URL(
    await driveLogin(issuer, authorize.href, { email: 'alice@example.com', password: 'Passw0rd!' }, request),
  );
  const code = back.searchParams.get('code');
  if (!code) return false;
  const res = await request(new URL('oauth/token', issuer), {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      client_secret: clientSecret,
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  const body = (await res.json()) as { id_token?: unknown };
  return res.ok && typeof body.id_token === 'string';
}

/**
 * `emulator-login`: {@link emulatorLogin} against `em`, over `localhostFetch` (node:http with
 * keep-alive): the client shares the process with the emulator here, and the global fetch cost the
 * client 0.5 ms of CPU more per login than the emulator's own transport (see emulator-cpu.ts).
 */
export function emulatorLoginCase(em: Emulator, clientSecret: string, redirectUri: string): Case {
  const request = localhostFetch();
  const login = () => emulatorLogin(em.issuer, clientSecret, redirectUri, request);
  return {
    name: 'emulator-login',
    kind: 'ops',
    ours: login,
    allocBatch: 20,
    verify: login,
    counted: {
      what: 'code grants at the emulator',
      by: ['ours'],
      perCall: 1,
      exact: true,
      count: () => em.stats()['authorization_code'] ?? 0,
    },
  };
}
