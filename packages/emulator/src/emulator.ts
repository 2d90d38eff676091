import { createServer } from 'node:http';
import type { RequestListener, Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { join } from 'node:path';
import { Provider } from './lib/oidc-provider.js';
import { parseConfig } from './config/parse.js';
import type { EmulatorConfig, EmulatorConfigInput } from './config/types.js';
import { CibaRequests } from './ciba/requests.js';
import { TokenIssuer } from './grants/issue.js';
import { withDpopProof } from './grants/dpop.js';
import { MfaLedger } from './grants/mfa-ledger.js';
import { RefreshAudiences } from './provider/refresh-audiences.js';
import { registerAuth0Grants } from './grants/register.js';
import { SessionTransfers } from './grants/session-transfers.js';
import { ClientAuthenticator } from './http/client-auth.js';
import { LoginStates } from './login/state.js';
import type { SeededUser } from './mfa/index.js';
import { ApiRegistry } from './provider/apis.js';
import { MfaRequirement } from './provider/mfa-requirement.js';
import { useAuth0TokenStatuses } from './provider/auth0-statuses.js';
import { useCibaAnswers } from './provider/ciba.js';
import { ROUTES, providerConfiguration } from './provider/configuration.js';
import {
  generateCookieKeys,
  generateSigningKeys,
  isRsaPrivateJwk,
  type RsaPrivateJwk,
  reusableSigningKey,
  signingKeyFile,
} from './provider/keys.js';
import { explainUriMismatches } from './provider/uri-mismatch.js';
import { bindCodes } from './orgs/tokens.js';
import { createHandler } from './server/handler.js';
import { formatRequestLine } from './server/request-log.js';
import type { RequestLogEntry } from './server/request-log.js';
import { driveLogin } from './testing/login.js';
import type { LoginOptions } from './testing/login.js';
import { argumentError, integer } from './lib/validate.js';
import { SIGNING_KEY_FILE, stateDir } from './config/state-dir.js';
import { tlsMaterial } from './https/ca.js';
import { localhostFetch } from './https/fetch.js';
import { managementAuth } from './management/auth.js';
import { PASSWORDLESS_PARAMETERS, passwordlessGrant } from './passwordless/grant.js';
import { passkeyTenant } from './passkeys/index.js';
import { GRANT } from './provider/grant-names.js';
import { handleManagement } from './management/routes.js';
import { isEmulatorHost, type EmulatorHost } from './config/hosts.js';
import { customDomainIssuers, routeByHost } from './server/custom-domains.js';
import { tenantState, type InvitationInfo, type TenantState } from './server/tenant.js';
import type { EmulatorMfa } from './dev/emulator-mfa.js';
import { myAccountHandler } from './my-account/routes.js';

export { isEmulatorHost, type EmulatorHost } from './config/hosts.js';
export type { InvitationInfo } from './server/tenant.js';

/** Options of {@link startEmulator}. */
export interface StartEmulatorOptions {
  /** TCP port; 0 picks a free one. Defaults to 4400. */
  port?: number;
  /**
   * `127.0.0.1` (default), `localhost`, or a name under `.localhost` such as `tenant.localhost` (bound
   * to 127.0.0.1; with `https` the certificate names it). The issuer uses this host, and requests must
   * name it (or another loopback name) in their Host header.
   */
  host?: EmulatorHost;
  /**
   * Serve HTTPS with a certificate from a local development CA, created once and kept in `dir`
   * (default `~/.auth0-emulator/`; the CLI uses `.auth0-emulator/` beside its `--config` file). Trust
   * the CA with `NODE_EXTRA_CA_CERTS=<dir>/ca.pem` ({@link Emulator.caFile}). Defaults to `false`:
   * plain HTTP.
   */
  https?: boolean | { dir?: string };
  /**
   * Clients, users, APIs and token lifetimes (see the README); validated, with defaults applied.
   * Without it the tenant is empty (no clients, no users): pass {@link defaultConfig} for the CLI's.
   */
  config?: EmulatorConfigInput;
  /** Print nothing (codes sent, push challenges, errors). */
  quiet?: boolean;
  /** Where console lines go instead of stdout; ignored when `quiet`. */
  log?: (line: string) => void;
  /**
   * Print one line per request through `log` (`GET /authorize 302 4 ms`: method, path without the
   * query string, status, milliseconds; never a token, code or query value). Defaults to `false`; the
   * CLI turns it on unless `--quiet`. Ignored when `quiet`.
   */
  logRequests?: boolean;
  /** Called with every answered request (the same fields as the log line), whatever `quiet` says. */
  onRequest?: (entry: RequestLogEntry) => void;
  /**
   * The clock of the MFA module, in epoch milliseconds: it times `mfa_token` and challenge lifetimes,
   * push polling intervals and lockouts, so a test can move it forward instead of sleeping. Tokens that
   * oidc-provider issues keep the system clock. Defaults to `Date.now`.
   */
  now?: () => number;
  /**
   * The RS256 private key, as a JWK, that signs the tokens (under its own `kid` if it has one, else a
   * fresh `kid` each start). Defaults to a key made once and kept in `~/.auth0-emulator/signing-key.json`
   * (read once per process), under a fresh `kid` each start: generating an RSA key per start took 0.25
   * to 1.5 s, the rest of a start takes milliseconds.
   */
  signingKey?: JsonWebKey;
  /**
   * A file that keeps the signing key (and its `kid`) across restarts, created on first use: an app
   * that cached the JWKS keeps verifying tokens after the emulator restarts. Takes precedence over
   * `signingKey`. Default none: a fresh `kid` per start (see `signingKey`). The CLI and the demo pass one.
   */
  signingKeyFile?: string;
}

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:N/` (`https://` with `https`), with the trailing slash Auth0 issuers have. */
  issuer: string;
  /** Every issuer it answers as: `issuer`, then one per `config.custom_domains` name, in order. */
  issuers: string[];
  /** With `https`: the development CA's certificate file, what `NODE_EXTRA_CA_CERTS` should name. */
  caFile?: string;
  /** The TCP port it listens on (the one picked when `port: 0` was asked for). */
  port: number;
  /** The validated configuration in use. */
  config: EmulatorConfig;
  /** The users as the MFA module registered them, with generated authenticator secrets. */
  readonly seededUsers: SeededUser[];
  /**
   * What a test needs of MFA: the outbox of codes sent, push challenges to answer, a user's current
   * TOTP code.
   *
   * @example
   * ```ts
   * const em = await startEmulator({ port: 0, quiet: true, config });
   * // After a challenge by SMS, voice or email: the code the user would have received.
   * const sent = em.mfa.outbox().at(-1);
   * ```
   */
  readonly mfa: EmulatorMfa;
  /** Token requests received, per grant_type (also GET /__dev/stats). */
  stats(): Record<string, number>;
  /**
   * Returns to the configuration's state (also `POST /__dev/reset`): users, factors, organizations and
   * their members, sessions, grants, tokens, the outbox and the statistics as at start. Keys, port and
   * issuer stay.
   */
  reset(): Promise<void>;
  /**
   * Logs in through the HTML pages over HTTP and returns the final redirect to the relying party
   * (its `redirect_uri` with `code` and `state`).
   *
   * @throws Error with the page's message when the login fails (wrong password, wrong code).
   * @example
   * ```ts
   * const redirect = await em.login(authorizeUrl, { email: 'carol@example.com', password: 'Passw0rd!' });
   * const code = new URL(redirect).searchParams.get('code');
   * ```
   */
  login(authorizeUrl: string, options: LoginOptions): Promise<string>;
  /**
   * Invites `email` to an organization (its id or name) through a client, as Auth0's Management API
   * does, and prints the invitation link (also `POST /__dev/invitations`). The link goes to the
   * client's `initiate_login_uri` with `invitation`, `organization` and `organization_name`; the
   * invited user logs in through it once and becomes a member.
   *
   * @throws TypeError for an unknown organization or client, or one that may not use the organization.
   */
  invite(options: { organization: string; email: string; clientId: string }): InvitationInfo;
  /** Stops listening, dropping open connections; everything it held in memory is gone. */
  close(): Promise<void>;
}

/** The request log and the caller's hook, combined; undefined when neither is asked for. */
function requestObserver(
  options: StartEmulatorOptions,
  log: (line: string) => void,
): ((entry: RequestLogEntry) => void) | undefined {
  const print = options.logRequests && !options.quiet;
  const hook = options.onRequest;
  if (!print && !hook) return undefined;
  return (entry) => {
    if (print) log(formatRequestLine(entry));
    hook?.(entry);
  };
}

/**
 * Starts the local Auth0-compatible authorization server.
 *
 * @throws TypeError naming the invalid configuration field, or `host` / `port` when they are unusable.
 * @example
 * ```ts
 * const em = await startEmulator({ port: 0, quiet: true });
 * const discovery = await fetch(new URL('.well-known/openid-configuration', em.issuer));
 * await em.close();
 * ```
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<Emulator> {
  const config = parseConfig(options.config ?? {});
  const host = options.host ?? '127.0.0.1';
  // The types already say so; JavaScript callers get told before `0.0.0.0` exposes a server that
  // prints secrets and lifts the SSRF guard for loopback to the network.
  if (!isEmulatorHost(host))
    throw argumentError('host must be 127.0.0.1, localhost or a name under .localhost (tenant.localhost)');
  const requestedPort = integer(options.port, 'port', 4400, { min: 0, max: 65_535 });
  if (options.now !== undefined && typeof options.now !== 'function')
    throw argumentError('now must be a function returning epoch milliseconds', 'ERR_INVALID_ARG_TYPE');
  const signingKey =
    options.signingKeyFile !== undefined
      ? await signingKeyFile(options.signingKeyFile)
      : (options.signingKey ?? (await reusableSigningKey(join(stateDir(), SIGNING_KEY_FILE))));
  if (signingKey !== undefined && !isRsaPrivateJwk(signingKey))
    throw argumentError('signingKey must be an RSA private key as a JWK (kty, n, e, d, p, q, dp, dq, qi)');
  const log = options.quiet ? () => undefined : (options.log ?? ((line: string) => console.log(line)));
  const onRequest = requestObserver(options, log);
  const tls = options.https
    ? await tlsMaterial(
        stateDir({ dir: typeof options.https === 'object' ? options.https.dir : undefined }),
        [...new Set([host, 'localhost', '127.0.0.1', ...config.custom_domains])],
      )
    : undefined;

  // The issuer contains the port, so the socket is bound before the provider is built.
  let handler: RequestListener = (_req, res) => res.writeHead(503).end();
  const listener: RequestListener = (req, res) => handler(req, res);
  const server: Server = tls
    ? createHttpsServer({ cert: tls.cert, key: tls.key }, listener)
    : createServer(listener);
  // A name under .localhost is not in every resolver; the socket is loopback's either way.
  const bindTo = host === 'localhost' || host === '127.0.0.1' ? host : '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(requestedPort, bindTo, () => resolve());
  });

  // Everything after binding can still refuse the configuration (an unusable otp secret, say); the
  // port must then be released, or a test process that catches the error keeps it until it exits.
  try {
    const address = server.address();
    if (address === null || typeof address === 'string')
      throw new Error('the emulator is not listening on a TCP port');
    const { port } = address;
    const issuer = `${tls ? 'https' : 'http'}://${host}:${port}/`;
    const domains = customDomainIssuers(issuer, config.custom_domains);
    // Keys outlive a reset: an app's cached JWKS stays right. Each custom domain signs under a key id
    // of its own, so its tokens are refused by another domain's key set.
    const signers = new Map<string, Awaited<ReturnType<typeof generateSigningKeys>>>();
    for (const at of [issuer, ...domains])
      signers.set(at, await generateSigningKeys(at === issuer ? signingKey : withoutKid(signingKey)));
    const cookieKeys = generateCookieKeys();
    const now = options.now ?? Date.now;

    // One domain of the tenant: its own issuer, keys, provider (so browser sessions and tokens) and pages.
    const build = (issuer: string, shared: TenantState) => {
      const { users, mfa, orgs, links, stats, accounts, codes, invite } = shared;
      const jwks = signers.get(issuer) ?? { keys: [] };
      const publicKeys = {
        keys: jwks.keys.map(({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use })),
      };
      const authorizeManagement = managementAuth(issuer, publicKeys);
      const apis = new ApiRegistry(issuer, config.apis, config.ttl);
      const mfaRequirement = new MfaRequirement(apis, (userId) => mfa.isEnrolled(userId));
      const audiences = new RefreshAudiences(apis);
      const ciba = new CibaRequests(now);
      const provider = new Provider(
        issuer,
        providerConfiguration({
          config,
          users,
          apis,
          mfaRequirement,
          audiences,
          ciba,
          orgs,
          links,
          jwks,
          cookieKeys,
        }),
      );
      provider.use(explainUriMismatches);
      bindCodes(
        (event, listener) => provider.on(event, listener),
        () => Provider.ctx,
        orgs,
      );
      provider.on('server_error', (_ctx, error) => log(`oidc-provider error: ${error.message}`));
      provider.on('backchannel.error', (_ctx, error, client) =>
        log(`back-channel logout to ${client.clientId} failed: ${error.message}`),
      );

      const ledger = new MfaLedger();
      const transfers = new SessionTransfers(options.now);
      const clients = new ClientAuthenticator(config.clients, [issuer, new URL(ROUTES.token, issuer).href]);
      audiences.followRotations(provider);
      const tokenIssuer = new TokenIssuer(users, apis, orgs);
      registerAuth0Grants(provider, {
        users,
        mfa,
        mfaRequirement,
        ledger,
        audiences,
        issuer: tokenIssuer,
        connections: config.connections,
        connected: (userId, connection) => accounts.has(userId, connection),
        profiles: config.token_exchange_profiles,
        publicKeys,
        transfers,
      });
      provider.registerGrantType(
        GRANT.passwordlessOtp,
        withDpopProof(passwordlessGrant({ users, issuer: tokenIssuer, codes, mfa, mfaRequirement })),
        PASSWORDLESS_PARAMETERS,
      );
      const passkeys = passkeyTenant(provider, {
        users,
        issuer: tokenIssuer,
        clients,
        config,
        mfa,
        mfaRequirement,
        orgs,
        now,
      });
      useAuth0TokenStatuses(provider);
      useCibaAnswers(provider, ciba, { ciba: ROUTES.backchannel_authentication, token: ROUTES.token });

      const management = { users, mfa, links, orgs, log, authorize: authorizeManagement };
      return createHandler({
        invite,
        provider,
        stats,
        log,
        ...(onRequest ? { onRequest } : {}),
        allowedLogoutUrls: config.clients.flatMap((client) => client.post_logout_redirect_uris),
        token: { provider, stats, clients, apis, ledger, audiences, mfa, mfaRequirement, ciba },
        ciba: { provider, requests: ciba, now },
        mfaApi: { mfa, clients, issuer, mfaAudience: apis.mfaAudience, publicKeys },
        login: { provider, users, mfa, mfaRequirement, states: new LoginStates(), orgs, links, transfers },
        passwordless: { provider, issuer, clients, registered: config.clients, users, codes, mfa },
        passkeys,
        dbConnections: {
          issuer,
          registered: config.clients,
          users,
          tickets: shared.tickets,
          mfa,
        },
        management: (req, res, url) => handleManagement(management, req, res, url),
        myAccount: myAccountHandler({
          issuer,
          publicKeys,
          accounts,
          connections: config.connections,
          clients: config.clients,
        }),
        reset: () => reset(),
      });
    };

    const makeTenant = () => tenantState({ config, issuer, log, clock: options.now });
    let tenant = makeTenant();
    const listen = () =>
      routeByHost(build(issuer, tenant), new Map(domains.map((at) => [new URL(at).host, build(at, tenant)])));
    handler = listen();
    const reset = async (): Promise<void> => {
      tenant = makeTenant();
      handler = listen();
    };
    // Over plain HTTP the login reads the global fetch at each call, as before (tests wrap it).
    const loginFetch = tls ? localhostFetch({ ca: tls.ca }) : undefined;

    return {
      issuer,
      issuers: [issuer, ...domains],
      ...(tls ? { caFile: tls.caFile } : {}),
      port,
      config,
      get seededUsers() {
        return tenant.seededUsers;
      },
      get mfa() {
        return tenant.mfaView;
      },
      stats: () => tenant.stats.snapshot(),
      reset,
      login: (authorizeUrl, loginOptions) =>
        driveLogin(issuerOf(authorizeUrl, domains) ?? issuer, authorizeUrl, loginOptions, loginFetch),
      invite: (request) => tenant.invite(request),
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.closeAllConnections();
          server.close((error) => (error ? reject(error) : resolve()));
        }),
    };
  } catch (error) {
    server.close();
    throw error;
  }
}

/** The custom domain issuer an authorize URL is on, if any. */
function issuerOf(url: string, issuers: readonly string[]): string | undefined {
  const { origin } = new URL(url);
  return issuers.find((at) => new URL(at).origin === origin);
}

/** The same key under a fresh key id (none given: a fresh key). */
function withoutKid(key: RsaPrivateJwk | undefined): RsaPrivateJwk | undefined {
  if (!key) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- leaving the kid out is the point
  const { kid, ...rest } = key;
  return rest;
}
