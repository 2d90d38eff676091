import type { IncomingMessage, ServerResponse } from 'node:http';
import { BODY_LIMIT, BodyTooLargeError, readBody } from '../http/body.js';
import { redirect, sendHtml } from '../http/respond.js';
import type { MfaContext } from '../grants/mfa-context.js';
import { page, errorBox } from '../http/html.js';
import type { LoginDeps, LoginRequest } from './context.js';
import { finishConsent, finishLogin, refuseLogin } from './finish.js';
import { decideOrganization, organizationAsk, type OrganizationAsk } from './organization.js';
import { challenge, enroll, renderMfa, verify } from './mfa-step.js';
import { loginPage } from './views.js';
import { handleLinkingPage } from '../linking/pages.js';
import { linkRequest } from '../linking/request.js';

const PATH = /^\/u\/([\w-]+)(?:\/([\w-]+))?$/;
const MFA_ACTIONS = new Set(['verify-otp', 'verify-oob', 'verify-recovery', 'poll']);

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  if (req.method !== 'POST') return {};
  return Object.fromEntries(new URLSearchParams((await readBody(req)).toString('utf8')));
}

function clientName(details: { params: Record<string, unknown> }): string {
  const id = details.params.client_id;
  return typeof id === 'string' ? id : 'the application';
}

/** The login form for this request, with its organization (named, or asked for). */
function loginForm(
  deps: LoginDeps,
  uid: string,
  params: Record<string, unknown>,
  options: { email?: string; error?: string } = {},
): string {
  return loginPage(uid, {
    ...options,
    clientName: clientName({ params }),
    ...organizationView(organizationAsk(deps.orgs, params)),
  });
}

function organizationView(ask: OrganizationAsk) {
  if (ask.kind === 'prompt') return { organization: { prompt: true } } as const;
  if (ask.kind === 'given') return { organization: { displayName: ask.org.display_name } } as const;
  return {};
}

/**
 * POST /u/:uid/login: checks the password and the organization (membership, invitation, the prompt's
 * answer), then either finishes the login or starts the MFA step.
 */
async function login(deps: LoginDeps, r: LoginRequest, params: Record<string, unknown>): Promise<void> {
  const email = r.form.email ?? '';
  const check = deps.users.authenticate(email, r.form.password ?? '');
  if (!check.ok) {
    const locked = check.retryAfter !== undefined;
    const error = locked
      ? `Too many failed attempts. Try again in ${check.retryAfter} seconds.`
      : check.blocked
        ? 'Your account is blocked. Contact the administrator.'
        : 'Wrong email or password.';
    return sendHtml(
      r.res,
      locked ? 429 : 400,
      loginForm(deps, r.uid, params, { email, error }),
      locked ? { 'retry-after': String(check.retryAfter) } : {},
    );
  }
  const { user } = check;
  const clientId = String(params.client_id ?? '');
  const ask = organizationAsk(deps.orgs, params);
  const decision = decideOrganization(deps.orgs, ask, user, clientId, r.form.organization);
  if (!decision.ok) {
    if ('retry' in decision)
      return sendHtml(r.res, 400, loginForm(deps, r.uid, params, { email, error: decision.retry }));
    return refuseLogin(deps.provider, r.req, r.res, decision.error, decision.description);
  }
  const organization = decision.org?.id;
  if (!deps.mfaRequirement.needed({ user, resource: params.resource, acrValues: params.acr_values })) {
    return finishLogin(deps.provider, r.req, r.res, user.user_id, ['pwd'], organization);
  }
  startMfa(deps, r, user.user_id, clientId, organization);
}

/** Opens the MFA step of this login for `userId`: the page at /u/:uid then enrolls or challenges. */
function startMfa(
  deps: LoginDeps,
  r: LoginRequest,
  userId: string,
  clientId: string,
  organization?: string,
): void {
  const context: MfaContext = { kind: 'interaction', uid: r.uid };
  const { body } = deps.mfa.issueMfaToken({ userId, clientId, context });
  deps.states.set(r.uid, {
    userId,
    clientId,
    mfaToken: body.mfa_token,
    requirements: body.mfa_requirements,
    ...(organization === undefined ? {} : { organization }),
  });
  redirect(r.res, `/u/${r.uid}`);
}

/**
 * Step-up inside a live session: when the only reason the login prompt shows is the missing second
 * factor, the session's user goes straight to MFA, as Auth0 asks only for the factor. `prompt=login`,
 * an expired `max_age` or no session add their own reasons, and the password is asked again.
 */
function stepUpInSession(
  deps: LoginDeps,
  r: LoginRequest,
  details: {
    prompt: { name: string; reasons: string[] };
    session?: { accountId?: string };
    params: Record<string, unknown>;
  },
): boolean {
  const { name, reasons } = details.prompt;
  if (name !== 'login' || reasons.length === 0 || reasons.some((reason) => reason !== 'mfa_required'))
    return false;
  const user = details.session?.accountId ? deps.users.byId(details.session.accountId) : undefined;
  if (!user) return false;
  startMfa(deps, r, user.user_id, String(details.params.client_id ?? ''));
  return true;
}

/**
 * Session transfer (native-to-web single sign-on): an /authorize request carrying a valid
 * `session_transfer_token` for this client logs its user in without the password page. The token
 * works once, within a minute of its issue; a spent or foreign one shows the login page.
 */
async function transferredLogin(deps: LoginDeps, r: LoginRequest, params: Record<string, unknown>) {
  const token = params.session_transfer_token;
  if (typeof token !== 'string' || !deps.transfers) return false;
  const userId = deps.transfers.redeem(token, String(params.client_id ?? ''));
  if (!userId || !deps.users.byId(userId)) return false;
  await finishLogin(deps.provider, r.req, r.res, userId, ['ext']);
  return true;
}

/**
 * The Universal Login pages under /u/:uid (uid = oidc-provider interaction id): the login form, the
 * MFA step (enroll or challenge) and an automatic consent. Answers false for other paths.
 */
export async function handleLogin(
  deps: LoginDeps,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<boolean> {
  const match = PATH.exec(pathname);
  if (!match?.[1]) return false;
  const uid = match[1];
  const action = match[2];
  let details;
  try {
    details = await deps.provider.interactionDetails(req, res);
  } catch {
    sendHtml(
      res,
      400,
      page(
        'Login expired',
        errorBox('This login page has expired. Go back to the application and start again.'),
      ),
    );
    return true;
  }
  if (details.uid !== uid) {
    redirect(res, `/u/${details.uid}`);
    return true;
  }
  let form: Record<string, string>;
  try {
    form = await readForm(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendHtml(
      res,
      413,
      page(
        'Request too large',
        errorBox(`The form sent is too large (over ${BODY_LIMIT / 1024} KiB). Go back and try again.`),
      ),
    );
    return true;
  }
  const r: LoginRequest = { req, res, uid, form };

  if (details.prompt.name === 'consent') {
    await finishConsent(deps.provider, req, res);
    return true;
  }
  const link = details.prompt.name === 'login' ? linkRequest(details.params) : undefined;
  if (link) {
    const outcome = {
      finish: (userId: string) => finishLogin(deps.provider, req, res, userId, ['pwd']),
      refuse: (description: string) => refuseLogin(deps.provider, req, res, 'access_denied', description),
    };
    if (!deps.users.byId(link.primary)) await outcome.refuse('the user of id_token_hint no longer exists');
    else
      await handleLinkingPage(
        deps.links,
        link,
        { method: req.method ?? 'GET', res, uid, action, form },
        outcome,
      );
    return true;
  }
  const state = deps.states.get(uid);
  if (action === 'login' && req.method === 'POST') {
    await login(deps, r, details.params);
    return true;
  }
  if (!state && req.method === 'GET' && !action && stepUpInSession(deps, r, details)) return true;
  if (!state && req.method === 'GET' && !action && (await transferredLogin(deps, r, details.params)))
    return true;
  if (!state) {
    const hint = details.params.login_hint;
    sendHtml(res, 200, loginForm(deps, uid, details.params, typeof hint === 'string' ? { email: hint } : {}));
    return true;
  }
  if (req.method === 'POST' && action === 'enroll') await enroll(deps, r, state);
  else if (req.method === 'POST' && action === 'challenge') await challenge(deps, r, state);
  else if (req.method === 'POST' && action && MFA_ACTIONS.has(action)) await verify(deps, r, state, action);
  else if (req.method === 'POST' && action === 'continue' && state.done) {
    deps.states.delete(uid);
    await finishLogin(deps.provider, req, res, state.userId, state.done.amr, state.organization);
  } else if (action === 'other') {
    state.pending = undefined;
    redirect(res, `/u/${uid}`);
  } else if (state.pending?.kind === 'push' && !action) await verify(deps, r, state, 'poll');
  else await renderMfa(deps, r, state);
  return true;
}
