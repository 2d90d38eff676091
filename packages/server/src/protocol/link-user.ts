import { MissingSessionError } from '../errors/index.js';
import type { Transport } from '../http/index.js';
import { argumentError, optionalString, requireString, withoutEmpty } from '../lib/validate.js';
import type { SessionAccess } from '../session/access.js';
import { sessionOrganization } from '../session/organization.js';
import { linked } from '../session/rules.js';
import type { TokenSetQuery } from '../session/token-sets.js';
import type { AuthorizationParameters, TransactionData } from '../types.js';
import { buildAuthorizationRequest, type StartedLogin } from './authorize.js';
import type { ExchangedCode } from './callback.js';
import { toTokenResponse } from './token-response.js';

/** Options of `startLinkUser` (the names of `@auth0/auth0-server-js`). */
export interface StartLinkUserOptions<TAppState = unknown> {
  /** The connection whose account is linked to the user (`github`, `google-oauth2`, ...): `requested_connection`. */
  connection: string;
  /** The scope asked of the connection's provider: `requested_connection_scope`. Default none. */
  connectionScope?: string;
  /** Any JSON value, handed back by `completeLinkUser`. */
  appState?: TAppState;
  /**
   * Parameters for this request over the configured ones. `scope`, `id_token_hint` and
   * `requested_connection(_scope)` are the SDK's: a value given here for them is not sent.
   */
  authorizationParams?: AuthorizationParameters;
}

/** Options of `startUnlinkUser`. */
export interface StartUnlinkUserOptions<TAppState = unknown> {
  /** The connection whose account is unlinked from the user: `requested_connection`. */
  connection: string;
  /** Any JSON value, handed back by `completeUnlinkUser`. */
  appState?: TAppState;
  /** As for {@link StartLinkUserOptions.authorizationParams}. */
  authorizationParams?: AuthorizationParameters;
}

/** What a link transaction is for; kept as its `flow`, which only the matching completion accepts. */
export type LinkFlow = 'link' | 'unlink';

/** Auth0's scope for each flow; the refresh token of a link replaces the session's. */
const SCOPES: Record<LinkFlow, string> = {
  link: 'openid link_account offline_access',
  unlink: 'openid unlink_account',
};

/** What starting a link needs of the client. */
export interface LinkContext<TStoreOptions> {
  transport: Transport;
  sessions: SessionAccess<TStoreOptions>;
  /** The client's `authorizationParams` (`redirect_uri`, `audience`, ...). */
  defaults: AuthorizationParameters;
}

/**
 * Builds the authorization request of a link or unlink for the session's user: an interactive
 * login's (PKCE, `state`, `nonce`, the configured parameters) with Auth0's linking parameters, the
 * session's ID token as `id_token_hint` and the session's organization. The transaction it returns
 * carries `flow`, so only the matching completion (or `completeInteractiveLogin`) spends it.
 *
 * @throws {TypeError} naming `connection` or `connectionScope` when missing or malformed.
 * @throws {MissingSessionError} `login_required`: no session, or one without an ID token.
 * @throws {RequestError} when discovery fails.
 */
export async function startLinking<O>(
  context: LinkContext<O>,
  flow: LinkFlow,
  options: StartLinkUserOptions | StartUnlinkUserOptions,
  storeOptions: O | undefined,
): Promise<StartedLogin> {
  if (typeof options !== 'object' || options === null)
    throw argumentError('"options" must be an object with a "connection"', 'ERR_INVALID_ARG_TYPE');
  // '' reads as absent, as everywhere a string is optional.
  const own = withoutEmpty(options);
  requireString(own.connection, 'connection');
  const connectionScope = 'connectionScope' in own ? own.connectionScope : undefined;
  optionalString(connectionScope, 'connectionScope');
  const session = await context.sessions.get(storeOptions);
  if (!session?.user || !session.idToken)
    throw new MissingSessionError(
      `Unable to start the user ${flow}ing process without a logged in user: log in before ${flow}ing an account`,
    );
  const organization = sessionOrganization(session);
  const started = await buildAuthorizationRequest(context.transport, context.defaults, {
    authorizationParams: {
      ...own.authorizationParams,
      scope: SCOPES[flow],
      requested_connection: own.connection,
      requested_connection_scope: flow === 'link' ? connectionScope : undefined,
      id_token_hint: session.idToken,
    },
    ...(own.appState === undefined ? {} : { appState: own.appState }),
    ...(organization === undefined ? {} : { organization }),
  });
  started.transaction.flow = flow;
  return started;
}

/** The link flow a transaction was started for, or `undefined` for a login's. */
export function linkFlowOf(transaction: TransactionData): LinkFlow | undefined {
  return transaction.flow === 'link' || transaction.flow === 'unlink' ? transaction.flow : undefined;
}

/**
 * Writes a completed link's answer into the session it was started from, through the owner's locked
 * update (see `linked` in session/rules.ts: the same user, the same session id).
 *
 * @throws {MissingSessionError}; {@link IdTokenValidationError} `id_token_user_mismatch`; {@link StoreError}.
 */
export async function saveLinkedSession<O>(
  sessions: SessionAccess<O>,
  answer: ExchangedCode,
  target: TokenSetQuery,
  storeOptions: O | undefined,
): Promise<void> {
  const tokens = toTokenResponse(answer.response);
  await sessions.update(
    (current) => linked(current, { tokens, claims: answer.claims }, target),
    storeOptions,
  );
}
