import type { ResolvedConfig } from './config.js';
import { Transport, type ClientAuthentication, type FetchLike, type TransportOptions } from './http/index.js';
import { createMfaTokens, type MfaTokens } from './mfa/index.js';
import type { AccessTokenContext } from './protocol/access-token.js';
import { madeOn } from './protocol/domains.js';
import type { SessionAccess } from './session/access.js';
import { scopeToDomain } from './session/domain-scope.js';
import { DEFAULT_AUDIENCE } from './session/token-sets.js';

/** What a client keeps per Auth0 domain. */
export interface DomainParts<O> {
  /** What transactions and sessions made here record as their `domain`. */
  recorded: string;
  transport: Transport;
  tokens: MfaTokens;
  /** The sessions made on this domain (others read as none), over the client's one owner. */
  sessions: SessionAccess<O>;
  /** The same sessions without `beforeSessionSaved`: for the app's own change (`updateSession`). */
  appSessions: SessionAccess<O>;
  accessTokens: AccessTokenContext<O>;
}

/** One domain's transport (its discovery and keys), mfa tokens bound to its issuer, and sessions view. */
export function domainParts<O>(
  config: ResolvedConfig<O>,
  shared: {
    sessions: SessionAccess<O>;
    /** `sessions` without the `beforeSessionSaved` hook (the same object when there is none). */
    appSessions: SessionAccess<O>;
    refresh: Pick<AccessTokenContext<O>, 'flights' | 'share'>;
    clientAuth: ClientAuthentication;
    fetch: FetchLike;
    /** The DPoP key of a `useDpop` client: every domain's token calls are bound to it. */
    dpop: TransportOptions['dpop'];
  },
  issuer: URL,
  recorded: string,
): DomainParts<O> {
  const tokens = createMfaTokens({
    secrets: config.secrets,
    clientId: config.clientId,
    issuer,
    ttlSeconds: config.mfaTokenTtl,
  });
  const transport = new Transport({
    issuer,
    clientId: config.clientId,
    clientAuth: shared.clientAuth,
    fetch: shared.fetch,
    clockTolerance: config.clockTolerance,
    onErrorAnswer: tokens.sealRequired,
    dpop: shared.dpop,
  });
  const domain = {
    recorded,
    owns: (value: unknown) => madeOn(value, { issuer, recorded }),
    ownsUnrecorded: typeof config.domain !== 'function',
  };
  const sessions = scopeToDomain(shared.sessions, domain);
  const appSessions =
    shared.appSessions === shared.sessions ? sessions : scopeToDomain(shared.appSessions, domain);
  const accessTokens = {
    ...shared.refresh,
    transport,
    sessions,
    leeway: config.tokenRefreshLeeway,
    defaultAudience: config.authorizationParams.audience ?? DEFAULT_AUDIENCE,
  };
  return { recorded, transport, tokens, sessions, appSessions, accessTokens };
}
