import { createHash, randomBytes } from 'node:crypto';
import { sameSecret } from '../lib/same-secret.js';

/** A connected account as the My Account API shows it. */
export interface ConnectedAccount {
  /** `cac_…`. */
  id: string;
  connection: string;
  access_type: 'offline';
  scopes: string[];
  /** ISO 8601. */
  created_at: string;
}

/** A connect request between `/connect` (POST) and `/complete`: what the user approves, and what completes it. */
export interface PendingConnect {
  authSession: string;
  ticket: string;
  userId: string;
  clientId: string;
  connection: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string | undefined;
  scopes: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Set once the user approved on the connect page. */
  connectCode?: string;
}

/** How long a connect ticket (and its auth_session) lasts, in seconds. */
export const CONNECT_TICKET_TTL = 300;

/** What `complete` checks, from the request and its access token. */
export interface CompleteRequest {
  authSession: string;
  connectCode: string;
  redirectUri: string;
  codeVerifier: string | undefined;
  userId: string;
  clientId: string;
}

/**
 * The tenant's connected accounts, per user, and the connect requests on their way (in memory, gone
 * with a reset). A request completes once, for the user and client that started it.
 */
export class ConnectedAccounts {
  readonly #pending = new Map<string, PendingConnect>();
  readonly #byUser = new Map<string, ConnectedAccount[]>();

  constructor(private readonly now: () => number) {}

  start(request: Omit<PendingConnect, 'authSession' | 'ticket' | 'expiresAt'>): PendingConnect {
    this.#sweep();
    const pending: PendingConnect = {
      ...request,
      authSession: randomBytes(24).toString('base64url'),
      ticket: randomBytes(24).toString('base64url'),
      expiresAt: this.now() + CONNECT_TICKET_TTL * 1000,
    };
    this.#pending.set(pending.authSession, pending);
    return pending;
  }

  /** The live request a connect page's ticket names. */
  byTicket(ticket: string): PendingConnect | undefined {
    this.#sweep();
    return [...this.#pending.values()].find((p) => sameSecret(p.ticket, ticket) && !p.connectCode);
  }

  /** The user approved: the code `complete` will take. */
  approve(pending: PendingConnect): string {
    pending.connectCode = randomBytes(18).toString('base64url');
    return pending.connectCode;
  }

  /** The user refused: the request is over. */
  refuse(pending: PendingConnect): void {
    this.#pending.delete(pending.authSession);
  }

  /** Completes an approved request (once) and files the account; a string says why not. */
  complete(request: CompleteRequest): ConnectedAccount | string {
    this.#sweep();
    const pending = this.#pending.get(request.authSession);
    if (!pending || pending.userId !== request.userId || pending.clientId !== request.clientId)
      return 'The auth_session is unknown or expired';
    if (!pending.connectCode || !sameSecret(pending.connectCode, request.connectCode))
      return 'The connect_code is invalid';
    if (pending.redirectUri !== request.redirectUri)
      return 'The redirect_uri does not match the one of the connect request';
    if (pending.codeChallenge !== undefined && !verifierMatches(pending.codeChallenge, request.codeVerifier))
      return 'The code_verifier does not match the code_challenge';
    this.#pending.delete(pending.authSession);
    const accounts = this.#byUser.get(pending.userId) ?? [];
    const existing = accounts.find((a) => a.connection === pending.connection);
    const account: ConnectedAccount = {
      id: existing?.id ?? `cac_${randomBytes(12).toString('base64url')}`,
      connection: pending.connection,
      access_type: 'offline',
      scopes: pending.scopes,
      created_at: new Date(this.now()).toISOString(),
    };
    this.#byUser.set(pending.userId, [...accounts.filter((a) => a !== existing), account]);
    return account;
  }

  list(userId: string): ConnectedAccount[] {
    return [...(this.#byUser.get(userId) ?? [])];
  }

  /** Whether the user has an account on the connection (Token Vault may then exchange for it). */
  has(userId: string, connection: string): boolean {
    return this.list(userId).some((a) => a.connection === connection);
  }

  /** Removes one of the user's accounts; false when the user has none with this id. */
  delete(userId: string, id: string): boolean {
    const accounts = this.#byUser.get(userId) ?? [];
    const kept = accounts.filter((a) => a.id !== id);
    this.#byUser.set(userId, kept);
    return kept.length !== accounts.length;
  }

  #sweep(): void {
    const now = this.now();
    for (const [key, pending] of this.#pending) if (pending.expiresAt <= now) this.#pending.delete(key);
  }
}

/** PKCE S256 (RFC 7636): the challenge is the base64url SHA-256 of the verifier. */
function verifierMatches(challenge: string, verifier: string | undefined): boolean {
  if (verifier === undefined) return false;
  return sameSecret(createHash('sha256').update(verifier).digest('base64url'), challenge);
}
