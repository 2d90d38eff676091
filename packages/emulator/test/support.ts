import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { SignJWT } from 'jose';
import type { Emulator, EmulatorConfigInput, LoginOptions } from 'auth0-emulator';
import { startTestEmulator } from '../../../test/emulator.js';
import { testKeyPair } from '../../../test/keys.js';

export const CLIENT_ID = 'app';
export const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';
export const REDIRECT_URI = 'http://127.0.0.1:3000/auth/callback';
export const API = 'https://api.example.com';
export const STEP_UP_API = 'https://bank.example.com';
/** The app client of {@link baseConfig} with logins into organizations allowed. */
export const ORGANIZATION_CLIENT = {
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
  redirect_uris: [REDIRECT_URI],
  organization_usage: 'allow' as const,
};
export const MFA_ACR = 'http://schemas.openid.net/pape/policies/2007/06/multi-factor';

/** The configuration most tests share: one web app, users in every MFA state, a plain and a step-up API. */
export function baseConfig(overrides: Partial<EmulatorConfigInput> = {}): EmulatorConfigInput {
  return {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        post_logout_redirect_uris: ['http://127.0.0.1:3000/'],
      },
    ],
    users: [
      { user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' },
      { user_id: 'auth0|bob', email: 'bob@example.com', password: 'Passw0rd!', mfa: 'required' },
      {
        user_id: 'auth0|carol',
        email: 'carol@example.com',
        password: 'Passw0rd!',
        mfa: 'required',
        authenticators: [{ type: 'otp', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }],
      },
    ],
    apis: [
      { audience: API, scopes: ['read:data'] },
      { audience: STEP_UP_API, scopes: ['transfer'], mfa: 'required' },
    ],
    ...overrides,
  };
}

export function start(
  overrides: Partial<EmulatorConfigInput> = {},
  options: { now?: () => number } = {},
): Promise<Emulator> {
  return startTestEmulator(baseConfig(overrides), options);
}

/** A clock for the emulator's `now` that stands still until a test moves it. */
export function manualClock(startMs = Date.now()) {
  let now = startMs;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(em: Emulator, params: Record<string, string>): string {
  const url = new URL('authorize', em.issuer);
  const defaults = {
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    scope: 'openid',
  };
  for (const [key, value] of Object.entries({ ...defaults, ...params })) url.searchParams.set(key, value);
  return url.href;
}

/** A token request with client_secret_post, form-encoded unless `json` is set. */
export async function token(
  em: Emulator,
  params: Record<string, string>,
  options: { json?: boolean } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const all = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...params };
  const response = await fetch(new URL('oauth/token', em.issuer), {
    method: 'POST',
    headers: { 'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: options.json ? JSON.stringify(all) : new URLSearchParams(all).toString(),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : {};
  return { status: response.status, body: isRecord(body) ? body : {}, headers: response.headers };
}

/** A token request with `params` as they are (no client added), with `dpop` as its DPoP header when given. */
export async function dpopTokenRequest(em: Emulator, params: Record<string, string>, dpop?: string) {
  const response = await fetch(new URL('oauth/token', em.issuer), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(dpop === undefined ? {} : { dpop }),
    },
    body: new URLSearchParams(params).toString(),
  });
  const body: unknown = await response.json();
  return {
    status: response.status,
    body: isRecord(body) ? body : {},
    nonce: response.headers.get('dpop-nonce'),
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The payload of a JWT, unverified (tests that check signatures use jose). */
export function claims(jwt: unknown): Record<string, unknown> {
  if (typeof jwt !== 'string') throw new TypeError('not a JWT');
  const payload: unknown = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return isRecord(payload) ? payload : {};
}

/** Logs in through the HTML pages and exchanges the code: the whole authorization code flow. */
export async function codeFlow(
  em: Emulator,
  login: { email: string; password: string; otp?: string },
  params: Record<string, string> = {},
  driver: Partial<LoginOptions> = {},
): Promise<Record<string, unknown>> {
  const { verifier, challenge } = pkce();
  const redirect = await em.login(
    authorizeUrl(em, { code_challenge: challenge, code_challenge_method: 'S256', state: 's1', ...params }),
    { ...driver, ...login },
  );
  const code = new URL(redirect).searchParams.get('code');
  if (!code) throw new Error(`no code in ${redirect}`);
  const { status, body } = await token(em, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });
  if (status !== 200) throw new Error(`code exchange failed: ${JSON.stringify(body)}`);
  return body;
}

/** Starts an MFA flow with the password grant and returns the mfa_token. */
export async function mfaToken(
  em: Emulator,
  email: string,
  params: Record<string, string> = {},
): Promise<string> {
  const { status, body } = await token(em, {
    grant_type: 'password',
    username: email,
    password: 'Passw0rd!',
    scope: 'openid offline_access',
    ...params,
  });
  if (status !== 403 || typeof body.mfa_token !== 'string')
    throw new Error(`expected mfa_required, got ${JSON.stringify(body)}`);
  return body.mfa_token;
}

/** A JSON call to the MFA API with client authentication in the body. */
export async function mfaApi(
  em: Emulator,
  path: string,
  options: { method?: string; bearer?: string; body?: Record<string, unknown> } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path.replace(/^\//, ''), em.issuer), {
    method: options.method ?? (options.body ? 'POST' : 'GET'),
    headers: {
      'content-type': 'application/json',
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
    },
    ...(options.body
      ? { body: JSON.stringify({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...options.body }) }
      : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A string member of a JSON answer. */
export function field(body: unknown, name: string): string {
  const value = isRecord(body) ? body[name] : undefined;
  if (typeof value !== 'string') throw new Error(`no ${name} in ${JSON.stringify(body)}`);
  return value;
}

/** The newest code in GET /__dev/outbox. */
export async function lastCode(em: Emulator): Promise<{ code: string; channel: string; to: string }> {
  const outbox: unknown = await (await fetch(new URL('__dev/outbox', em.issuer))).json();
  const last: unknown = Array.isArray(outbox) ? outbox.at(-1) : undefined;
  return { code: field(last, 'code'), channel: field(last, 'channel'), to: field(last, 'to') };
}

export const GRANTS = {
  otp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  oob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  recovery: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
};

/** A relying party on loopback that records the back-channel logout tokens it receives. */
export async function startRelyingParty(): Promise<{
  backchannelUri: string;
  received: string[];
  close(): Promise<void>;
}> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(new URLSearchParams(body).get('logout_token') ?? '');
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    backchannelUri: `http://127.0.0.1:${port}/backchannel`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The web app (`CLIENT_ID`) whose logouts return to `postLogoutUri` and reach `backchannelUri`. */
export function logoutClient(backchannelUri: string, postLogoutUri: string) {
  return {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: [REDIRECT_URI],
    post_logout_redirect_uris: [postLogoutUri],
    backchannel_logout_uri: backchannelUri,
  };
}

/**
 * The `private_key_jwt` client `jwt`, registered with test key pair 1 (`kid` k1), and the start of one of
 * its client assertions to `audience` (claims still to set, then `.sign(privateKey)`).
 */
export async function jwtClient() {
  const { privateKey, publicJwk } = await testKeyPair(1);
  return {
    client: {
      client_id: 'jwt',
      token_endpoint_auth_method: 'private_key_jwt' as const,
      jwks: { keys: [{ ...publicJwk, kid: 'k1', alg: 'RS256' }] },
    },
    privateKey,
    assertion: (audience: string) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer('jwt')
        .setSubject('jwt')
        .setAudience(audience),
  };
}

/** The error (and its description) a login with `params` ended with at the redirect URI; nulls for a code. */
export async function loginError(
  em: Emulator,
  params: Record<string, string>,
  login: { email: string; password: string },
): Promise<{ error: string | null; description: string | null }> {
  const { challenge } = pkce();
  const redirect = await em.login(
    authorizeUrl(em, { code_challenge: challenge, code_challenge_method: 'S256', state: 's', ...params }),
    login,
  );
  const url = new URL(redirect);
  return { error: url.searchParams.get('error'), description: url.searchParams.get('error_description') };
}
