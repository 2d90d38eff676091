import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { EmulatorClient } from '../config/types.js';
import { nonEmptyString } from '../http/body.js';
import { authenticatedBody, type ClientAuthenticator } from '../http/client-auth.js';
import { redirect, sendJson } from '../http/respond.js';
import type { MfaService } from '../mfa/index.js';
import { isE164, isEmail } from '../lib/addresses.js';
import type { UserDirectory } from '../provider/users.js';
import { refusalDescription, type LinkParams, type PasswordlessCodes } from './codes.js';
import { mintAuthorizationCode } from './link-code.js';
import { passwordlessUser } from './users.js';

/** What the passwordless routes need from the emulator. */
export interface PasswordlessDeps {
  provider: Provider;
  issuer: string;
  clients: ClientAuthenticator;
  registered: EmulatorClient[];
  users: UserDirectory;
  codes: PasswordlessCodes;
  mfa: MfaService;
}

type Answer = { status: number; body: unknown };

const bad = (error: string, description: string): Answer => ({
  status: 400,
  body: { error, error_description: description },
});

/** `POST /passwordless/start`: sends a code (email or SMS) or a magic link (email) to the outbox. */
async function start(req: IncomingMessage, deps: PasswordlessDeps): Promise<Answer> {
  const client = await authenticatedBody(req, deps.clients);
  if ('status' in client) return client;
  const { body } = client;
  const connection = body.connection;
  if (connection !== 'email' && connection !== 'sms')
    return bad('bad.connection', 'Connection does not exist');
  if (connection === 'sms') {
    const phone = nonEmptyString(body.phone_number);
    if (!phone || !isE164(phone)) return bad('bad.phone_number', 'phone_number must be in E.164 format');
    const code = deps.codes.issue(client.clientId, 'sms', phone);
    deps.mfa.send({ channel: 'sms', to: phone, code, purpose: 'passwordless' });
    return { status: 200, body: { _id: opaqueId(), phone_number: phone, request_language: null } };
  }
  const email = nonEmptyString(body.email);
  if (!email || !isEmail(email)) return bad('bad.email', 'email is invalid');
  const send = body.send ?? 'code';
  if (send !== 'code' && send !== 'link') return bad('bad.send', 'send must be "code" or "link"');
  let link: LinkParams | undefined;
  if (send === 'link') {
    const params = typeof body.authParams === 'object' && body.authParams !== null ? body.authParams : {};
    const read = (name: string) => nonEmptyString((params as Record<string, unknown>)[name]);
    const redirectUri = read('redirect_uri');
    const registered = deps.registered.find((c) => c.client_id === client.clientId)?.redirect_uris ?? [];
    if (!redirectUri || !registered.includes(redirectUri))
      return bad('bad.redirect_uri', 'authParams.redirect_uri is not an allowed callback URL of the client');
    if ((read('response_type') ?? 'code') !== 'code')
      return bad('bad.response_type', 'authParams.response_type must be code');
    link = {
      redirectUri,
      scope: read('scope') ?? 'openid',
      state: read('state'),
      audience: read('audience'),
    };
  }
  const code = deps.codes.issue(client.clientId, 'email', email, link);
  deps.mfa.send({
    channel: 'email',
    to: email,
    code,
    purpose: 'passwordless',
    ...(link ? { link: magicLink(deps.issuer, client.clientId, email, code) } : {}),
  });
  return { status: 200, body: { _id: opaqueId(), email, email_verified: false } };
}

/** The link in the email: Auth0's `/passwordless/verify_redirect` with the code in it. */
function magicLink(issuer: string, clientId: string, email: string, code: string): string {
  const url = new URL('passwordless/verify_redirect', issuer);
  url.search = new URLSearchParams({
    client_id: clientId,
    connection: 'email',
    email,
    verification_code: code,
  }).toString();
  return url.href;
}

/**
 * `GET /passwordless/verify_redirect`: the magic link. A right code sends the browser to the app's
 * `redirect_uri` with an authorization `code` (no PKCE: the app checks `state`) and the `state` it
 * sent; a wrong, expired or spent one shows Auth0's error as JSON.
 */
async function verifyRedirect(res: ServerResponse, url: URL, deps: PasswordlessDeps): Promise<void> {
  const clientId = url.searchParams.get('client_id') ?? '';
  const email = url.searchParams.get('email') ?? '';
  const code = url.searchParams.get('verification_code') ?? '';
  const check = deps.codes.redeem(clientId, 'email', email, code);
  if (!check.ok || !check.link) {
    const reason = check.ok ? 'wrong' : check.reason;
    return sendJson(res, 403, {
      error: 'invalid_grant',
      error_description: refusalDescription(reason, 'email'),
    });
  }
  const user = passwordlessUser(deps.users, 'email', email);
  const authorizationCode = await mintAuthorizationCode(deps.provider, {
    clientId,
    accountId: user.user_id,
    ...check.link,
  });
  const back = new URL(check.link.redirectUri);
  back.searchParams.set('code', authorizationCode);
  if (check.link.state !== undefined) back.searchParams.set('state', check.link.state);
  // The discovery document says authorization responses carry `iss` (RFC 9207); this one does too.
  back.searchParams.set('iss', deps.issuer);
  return redirect(res, back.href, 302);
}

function opaqueId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 24);
}

/** Auth0's passwordless endpoints. Answers false for other paths. */
export async function handlePasswordless(
  deps: PasswordlessDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (url.pathname === '/passwordless/start' && req.method === 'POST') {
    const answer = await start(req, deps);
    sendJson(res, answer.status, answer.body);
    return true;
  }
  if (url.pathname === '/passwordless/verify_redirect' && req.method === 'GET') {
    await verifyRedirect(res, url, deps);
    return true;
  }
  return false;
}
