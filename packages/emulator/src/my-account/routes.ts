import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { JWK } from 'jose';
import type { EmulatorClient, EmulatorConnection } from '../config/types.js';
import { BodyTooLargeError, parseJsonObject, readBody } from '../http/body.js';
import { decodeComponent } from '../http/decode.js';
import { errorBox, html, page } from '../http/html.js';
import { redirect, sendHtml, sendJson } from '../http/respond.js';
import { myAccountAudience } from '../provider/apis.js';
import { CONNECT_TICKET_TTL, type ConnectedAccounts, type PendingConnect } from './accounts.js';

/** What the My Account API and the connect page need, built once per tenant. */
export interface MyAccountDeps {
  issuer: string;
  publicKeys: { keys: JWK[] };
  accounts: ConnectedAccounts;
  connections: readonly EmulatorConnection[];
  clients: readonly EmulatorClient[];
}

const BASE = '/me/v1/connected-accounts';
const ACCOUNT = /^\/me\/v1\/connected-accounts\/accounts\/([^/]+)$/;
/** The path of the connect page a `connect_uri` names. */
export const CONNECT_PAGE = '/connect';

interface Caller {
  userId: string;
  clientId: string;
  scopes: Set<string>;
}

/** An RFC 7807 problem, as the My Account API answers. */
function problem(res: ServerResponse, status: number, title: string, detail: string): void {
  sendJson(
    res,
    status,
    { type: `https://auth0.com/api-errors/${status}`, status, title, detail },
    {
      'content-type': 'application/problem+json; charset=utf-8',
    },
  );
}

/** The bearer token's user, client and scopes, for this tenant's `/me/` audience; undefined after answering 401. */
async function caller(
  deps: MyAccountDeps,
  keys: ReturnType<typeof createLocalJWKSet>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Caller | undefined> {
  const authorization = req.headers.authorization;
  if (authorization?.toLowerCase().startsWith('bearer ')) {
    try {
      const { payload } = await jwtVerify(authorization.slice(7).trim(), keys, {
        issuer: deps.issuer,
        audience: myAccountAudience(deps.issuer),
      });
      const clientId = typeof payload.client_id === 'string' ? payload.client_id : payload.azp;
      if (typeof payload.sub === 'string' && typeof clientId === 'string') {
        const scope = typeof payload.scope === 'string' ? payload.scope : '';
        return { userId: payload.sub, clientId, scopes: new Set(scope.split(' ').filter(Boolean)) };
      }
    } catch {
      // answered below, without saying what was wrong with the token
    }
  }
  problem(res, 401, 'Unauthorized', 'A valid access token for the My Account API is required');
  return undefined;
}

function needScope(res: ServerResponse, who: Caller, scope: string): boolean {
  if (who.scopes.has(scope)) return true;
  problem(res, 403, 'Forbidden', `Insufficient scope, expected: ${scope}`);
  return false;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** POST connect: a connect request for the caller, answered with its ticket. */
async function connect(deps: MyAccountDeps, req: IncomingMessage, res: ServerResponse, who: Caller) {
  const body = parseJsonObject(req, await readBody(req));
  const connection = deps.connections.find((c) => c.name === body.connection);
  const redirectUri = text(body.redirect_uri);
  const client = deps.clients.find((c) => c.client_id === who.clientId);
  if (!connection)
    return problem(res, 400, 'Bad Request', 'connection is not enabled for connected accounts');
  if (!redirectUri || !client?.redirect_uris.includes(redirectUri))
    return problem(res, 400, 'Bad Request', "redirect_uri is not one of the application's callback URLs");
  const challenge = text(body.code_challenge);
  if (challenge !== undefined && body.code_challenge_method !== 'S256')
    return problem(res, 400, 'Bad Request', 'code_challenge_method must be S256');
  const scopes = body.scopes === undefined ? (connection.scope?.split(' ') ?? []) : body.scopes;
  if (!Array.isArray(scopes) || !scopes.every((s): s is string => typeof s === 'string'))
    return problem(res, 400, 'Bad Request', 'scopes must be an array of strings');
  const pending = deps.accounts.start({
    userId: who.userId,
    clientId: who.clientId,
    connection: connection.name,
    redirectUri,
    state: text(body.state),
    codeChallenge: challenge,
    scopes,
  });
  sendJson(res, 201, {
    auth_session: pending.authSession,
    connect_uri: new URL(CONNECT_PAGE.slice(1), deps.issuer).href,
    connect_params: { ticket: pending.ticket },
    expires_in: CONNECT_TICKET_TTL,
  });
}

/** POST complete: files the account of an approved request. */
async function complete(deps: MyAccountDeps, req: IncomingMessage, res: ServerResponse, who: Caller) {
  const body = parseJsonObject(req, await readBody(req));
  const authSession = text(body.auth_session);
  const connectCode = text(body.connect_code);
  const redirectUri = text(body.redirect_uri);
  if (!authSession || !connectCode || !redirectUri)
    return problem(res, 400, 'Bad Request', 'auth_session, connect_code and redirect_uri are required');
  const done = deps.accounts.complete({
    authSession,
    connectCode,
    redirectUri,
    codeVerifier: text(body.code_verifier),
    userId: who.userId,
    clientId: who.clientId,
  });
  if (typeof done === 'string') return problem(res, 400, 'Bad Request', done);
  sendJson(res, 201, done);
}

/** GET accounts?connection=&from=&take=: the caller's accounts, a page at a time. */
function list(deps: MyAccountDeps, res: ServerResponse, who: Caller, url: URL) {
  const take = Number(url.searchParams.get('take') ?? 10);
  if (!Number.isInteger(take) || take < 1 || take > 20)
    return problem(res, 400, 'Bad Request', 'take must be an integer from 1 to 20');
  const connection = url.searchParams.get('connection');
  const all = deps.accounts
    .list(who.userId)
    .filter((a) => connection === null || a.connection === connection);
  const from = Number(url.searchParams.get('from') ?? 0);
  const start = Number.isInteger(from) && from > 0 ? from : 0;
  const accounts = all.slice(start, start + take);
  const next = start + take < all.length ? String(start + take) : undefined;
  sendJson(res, 200, { accounts, ...(next === undefined ? {} : { next }) });
}

/** The connect page: the emulator plays the upstream provider, and the user allows or refuses. */
function connectPage(pending: PendingConnect, clientName: string): string {
  const scopes = pending.scopes.length ? pending.scopes.join(', ') : 'its default permissions';
  return page(
    `Connect ${pending.connection}`,
    html`<p class="lead" data-step="connect">
        ${clientName} asks to use your ${pending.connection} account (${scopes}) on your behalf.
      </p>
      <form method="post" action="${CONNECT_PAGE}">
        <input type="hidden" name="ticket" value="${pending.ticket}" />
        <div class="row">
          <button type="submit" name="action" value="allow">Allow</button>
          <button type="submit" name="action" value="deny" class="secondary">Deny</button>
        </div>
      </form>`,
  );
}

const expiredPage = () =>
  page('Link expired', html`${errorBox('This connect request has expired or was already used.')}`);

/** GET and POST /connect: the page a connect_uri opens, and the user's answer, sent back to the app. */
async function connectDecision(deps: MyAccountDeps, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method === 'GET') {
    const pending = deps.accounts.byTicket(url.searchParams.get('ticket') ?? '');
    if (!pending) return sendHtml(res, 400, expiredPage());
    const client = deps.clients.find((c) => c.client_id === pending.clientId);
    return sendHtml(res, 200, connectPage(pending, client?.name ?? pending.clientId));
  }
  const form = parseJsonObject(req, await readBody(req));
  const pending = deps.accounts.byTicket(text(form.ticket) ?? '');
  if (!pending) return sendHtml(res, 400, expiredPage());
  const back = new URL(pending.redirectUri);
  if (form.action === 'allow') back.searchParams.set('connect_code', deps.accounts.approve(pending));
  else {
    deps.accounts.refuse(pending);
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_description', 'The user did not allow the connection');
  }
  if (pending.state !== undefined) back.searchParams.set('state', pending.state);
  redirect(res, back.href);
}

/**
 * The My Account API's connected-accounts endpoints (`/me/v1/connected-accounts/...`, bearer tokens
 * for `https://{domain}/me/` with the `*:me:connected_accounts` scopes) and the connect page. Answers
 * false for other paths.
 */
export function myAccountHandler(deps: MyAccountDeps) {
  const keys = createLocalJWKSet(deps.publicKeys);
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    try {
      if (path === CONNECT_PAGE && (method === 'GET' || method === 'POST')) {
        await connectDecision(deps, req, res, url);
        return true;
      }
      if (!path.startsWith(`${BASE}/`)) return false;
      const who = await caller(deps, keys, req, res);
      if (!who) return true;
      const account = ACCOUNT.exec(path);
      if (path === `${BASE}/connect` && method === 'POST') {
        if (needScope(res, who, 'create:me:connected_accounts')) await connect(deps, req, res, who);
      } else if (path === `${BASE}/complete` && method === 'POST') {
        if (needScope(res, who, 'create:me:connected_accounts')) await complete(deps, req, res, who);
      } else if (path === `${BASE}/accounts` && method === 'GET') {
        if (needScope(res, who, 'read:me:connected_accounts')) list(deps, res, who, url);
      } else if (account?.[1] && method === 'DELETE') {
        if (!needScope(res, who, 'delete:me:connected_accounts')) return true;
        const id = decodeComponent(account[1]) ?? '';
        if (deps.accounts.delete(who.userId, id)) sendJson(res, 204, undefined);
        else problem(res, 404, 'Not Found', 'The connected account does not exist');
      } else problem(res, 404, 'Not Found', 'No such endpoint');
      return true;
    } catch (error) {
      if (error instanceof BodyTooLargeError) problem(res, 413, 'Payload Too Large', error.message);
      else if (error instanceof SyntaxError) problem(res, 400, 'Bad Request', 'The body is not valid JSON');
      else throw error;
      return true;
    }
  };
}
