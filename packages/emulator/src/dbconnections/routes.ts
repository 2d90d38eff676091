import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorClient, EmulatorUser } from '../config/types.js';
import { nonEmptyString, parseJsonObject, parseParams, param, readBody } from '../http/body.js';
import { sendHtml, sendJson } from '../http/respond.js';
import { errorBox, html, page } from '../http/html.js';
import type { MfaService } from '../mfa/index.js';
import { isEmail } from '../lib/addresses.js';
import type { UserDirectory } from '../provider/users.js';
import { checkPassword, passwordTooWeak } from './policy.js';
import type { ResetTickets } from './tickets.js';

/** The tenant's one database connection, as Auth0 names a new tenant's. */
export const DATABASE_CONNECTION = 'Username-Password-Authentication';

/** What the database connection routes need from the emulator. */
export interface DbConnectionsDeps {
  issuer: string;
  registered: EmulatorClient[];
  users: UserDirectory;
  tickets: ResetTickets;
  mfa: MfaService;
}

/** The answer Auth0's database endpoints give for a request they refuse. */
function badRequest(code: string, description: string, status = 400) {
  return { status, body: { name: 'BadRequestError', code, description, statusCode: status } };
}

type Answer = { status: number; body: unknown; text?: boolean };

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  try {
    return parseJsonObject(req, await readBody(req));
  } catch {
    return undefined;
  }
}

/** The request's client and connection, or the answer that refuses them. */
function clientAndConnection(
  body: Record<string, unknown>,
  deps: DbConnectionsDeps,
): { clientId: string } | Answer {
  const clientId = nonEmptyString(body.client_id);
  if (!clientId || !deps.registered.some((c) => c.client_id === clientId))
    return badRequest('invalid_client', 'Unknown client');
  if (body.connection !== DATABASE_CONNECTION) return badRequest('bad.connection', 'connection not found');
  return { clientId };
}

/** `POST /dbconnections/signup`: a new user of the database connection (no client secret: a public endpoint). */
async function signUp(req: IncomingMessage, deps: DbConnectionsDeps): Promise<Answer> {
  const body = await readJson(req);
  if (!body) return badRequest('invalid_body', 'the request body could not be parsed');
  const refused = clientAndConnection(body, deps);
  if ('status' in refused) return refused;
  const email = nonEmptyString(body.email);
  const password = nonEmptyString(body.password);
  if (!email || !isEmail(email)) return badRequest('invalid_body', 'email is invalid');
  if (!password) return badRequest('invalid_body', 'password is required');
  const policy = checkPassword(password);
  if (!policy.ok) return { status: 400, body: passwordTooWeak(policy.rules) };
  // Auth0 answers a taken email with the same generic description as any refused sign-up.
  if (deps.users.byEmail(email)) return badRequest('invalid_signup', 'Invalid sign up');
  const id = randomBytes(12).toString('hex');
  const profile: Record<string, unknown> = {};
  for (const field of ['username', 'given_name', 'family_name', 'name', 'nickname', 'picture']) {
    const value = nonEmptyString(body[field]);
    if (value) profile[field] = value;
  }
  const metadata =
    typeof body.user_metadata === 'object' && body.user_metadata !== null ? body.user_metadata : undefined;
  const user: EmulatorUser = {
    user_id: `auth0|${id}`,
    email,
    password,
    ...(typeof profile.name === 'string' ? { name: profile.name } : {}),
    mfa: 'off',
    mfa_factors: 1,
    authenticators: [],
    email_verified: false,
    ...(metadata ? { user_metadata: { ...metadata } } : {}),
  };
  deps.users.put(user);
  return {
    status: 200,
    body: {
      _id: id,
      email,
      email_verified: false,
      ...profile,
      ...(metadata ? { user_metadata: metadata } : {}),
    },
  };
}

const RESET_SENT = "We've just sent you an email to reset your password.";

/**
 * `POST /dbconnections/change_password`: emails a reset link (to the outbox). The answer is the same
 * plain text whether or not the user exists, as Auth0's, so it reveals no account.
 */
async function changePassword(req: IncomingMessage, deps: DbConnectionsDeps): Promise<Answer> {
  const body = await readJson(req);
  if (!body) return badRequest('invalid_body', 'the request body could not be parsed');
  const refused = clientAndConnection(body, deps);
  if ('status' in refused) return refused;
  const email = nonEmptyString(body.email) ?? nonEmptyString(body.username);
  if (!email) return badRequest('invalid_body', 'email or username is required');
  const user = deps.users.byEmail(email);
  if (user) {
    const link = new URL('lo/reset', deps.issuer);
    link.searchParams.set('ticket', deps.tickets.issue(user.user_id));
    deps.mfa.send({ channel: 'email', to: user.email, code: '', purpose: 'password_reset', link: link.href });
  }
  return { status: 200, body: RESET_SENT, text: true };
}

function resetPage(ticket: string, error?: string): string {
  return page(
    'Change your password',
    html`${errorBox(error)}
      <form method="post" action="/lo/reset" data-step="reset-password">
        <input type="hidden" name="ticket" value="${ticket}" />
        <label for="password">New password</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required />
        <button type="submit">Reset password</button>
      </form>`,
  );
}

const expiredPage = () =>
  page('Link expired', html`<p class="lead">This link has expired or was already used.</p>`);

/** The reset page the email links to, and its form. */
async function resetPassword(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: DbConnectionsDeps,
): Promise<void> {
  if (req.method === 'GET') {
    const ticket = url.searchParams.get('ticket') ?? '';
    if (!deps.tickets.peek(ticket)) return sendHtml(res, 404, expiredPage());
    return sendHtml(res, 200, resetPage(ticket));
  }
  const form = parseParams(req, await readBody(req));
  const ticket = param(form, 'ticket') ?? '';
  const password = param(form, 'password') ?? '';
  const userId = deps.tickets.peek(ticket);
  const user = userId === undefined ? undefined : deps.users.byId(userId);
  if (!user) return sendHtml(res, 404, expiredPage());
  const policy = checkPassword(password);
  if (!policy.ok) {
    const failed = policy.rules.filter((rule) => !rule.verified).map((rule) => rule.message);
    return sendHtml(res, 400, resetPage(ticket, `Password is too weak: ${failed.join('; ')}`));
  }
  deps.tickets.spend(ticket);
  deps.users.put({ ...user, password });
  return sendHtml(
    res,
    200,
    page(
      'Password changed',
      html`<p class="lead" data-step="password-changed">You can now log in with the new password.</p>`,
    ),
  );
}

/** Auth0's database connection endpoints and the reset page. Answers false for other paths. */
export async function handleDbConnections(
  deps: DbConnectionsDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (url.pathname === '/lo/reset' && (req.method === 'GET' || req.method === 'POST')) {
    await resetPassword(req, res, url, deps);
    return true;
  }
  if (req.method !== 'POST') return false;
  const answer =
    url.pathname === '/dbconnections/signup'
      ? await signUp(req, deps)
      : url.pathname === '/dbconnections/change_password'
        ? await changePassword(req, deps)
        : undefined;
  if (!answer) return false;
  if (answer.text) {
    res.writeHead(answer.status, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(String(answer.body));
  } else sendJson(res, answer.status, answer.body);
  return true;
}
