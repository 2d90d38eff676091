import { randomBytes } from 'node:crypto';
import type { EmulatorClient, EmulatorOrganization } from '../config/types.js';

/** An invitation to join an organization, as Auth0's Management API creates them. */
export interface Invitation {
  /** `uinv_…`. */
  id: string;
  /** The ticket the invitation link carries as `invitation`. */
  ticket: string;
  organization: DirectoryOrganization;
  /** Only the user with this email may accept it. */
  email: string;
  clientId: string;
  /** The link to send: the app's login route with `invitation`, `organization` and `organization_name`. */
  url: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Who the invitation says invited them (Auth0's `inviter.name`). */
  inviter: string;
}

/**
 * An organization as the directory keeps it: the configured fields, and what the Management API may
 * add (`metadata`, `branding`). Members live in the directory, not here.
 */
export interface DirectoryOrganization extends Omit<EmulatorOrganization, 'members'> {
  metadata?: Record<string, string>;
  branding?: Record<string, unknown>;
}

/** Seven days, Auth0's default invitation lifetime. */
const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * The tenant's organizations: lookup by id or name, membership, which clients may use them, the
 * invitations in flight, and which organization each grant logged in to (the source of the tokens'
 * `org_id` and `org_name`).
 */
export class OrganizationDirectory {
  #orgs: DirectoryOrganization[];
  readonly #members = new Map<string, Set<string>>();
  readonly #clients: Map<string, EmulatorClient>;
  readonly #invitations = new Map<string, Invitation>();
  readonly #grants = new Map<string, string>();
  readonly #now: () => number;

  constructor(orgs: EmulatorOrganization[], clients: EmulatorClient[], now: () => number = Date.now) {
    // Copies: the Management API changes them, and a reset starts again from the configuration.
    this.#orgs = orgs.map(({ members: _members, ...org }) => ({
      ...org,
      ...(org.clients ? { clients: [...org.clients] } : {}),
    }));
    for (const org of orgs) this.#members.set(org.id, new Set(org.members));
    this.#clients = new Map(clients.map((client) => [client.client_id, client]));
    this.#now = now;
  }

  /** The organization an `organization` parameter names: an `org_` id exactly, a name case-insensitively. */
  find(value: string): DirectoryOrganization | undefined {
    if (value.startsWith('org_')) return this.#orgs.find((org) => org.id === value);
    const name = value.toLowerCase();
    return this.#orgs.find((org) => org.name === name);
  }

  /** The organization with this id. */
  byId(id: string): DirectoryOrganization | undefined {
    return this.#orgs.find((org) => org.id === id);
  }

  /** The client's `organization_usage` settings, or `undefined` for an unknown client. */
  client(clientId: string): EmulatorClient | undefined {
    return this.#clients.get(clientId);
  }

  /** Whether `clientId` may log users in to `org`. */
  usableBy(org: DirectoryOrganization, clientId: string): boolean {
    const client = this.#clients.get(clientId);
    if (!client || client.organization_usage === 'deny') return false;
    return org.clients === undefined || org.clients.includes(clientId);
  }

  isMember(org: DirectoryOrganization, userId: string): boolean {
    return this.#members.get(org.id)?.has(userId) ?? false;
  }

  /** Every organization, in the order they were configured or created. */
  list(): readonly DirectoryOrganization[] {
    return this.#orgs;
  }

  /** Adds an organization (its id and name are free: the caller checked) with no members. */
  add(org: DirectoryOrganization): void {
    this.#orgs.push(org);
    this.#members.set(org.id, new Set());
  }

  /** Replaces the organization with `org.id`; tokens issued later carry its new name. */
  replace(org: DirectoryOrganization): void {
    this.#orgs = this.#orgs.map((existing) => (existing.id === org.id ? org : existing));
  }

  /** Removes the organization, its members and its invitations. */
  remove(id: string): void {
    this.#orgs = this.#orgs.filter((org) => org.id !== id);
    this.#members.delete(id);
    for (const [ticket, invitation] of this.#invitations)
      if (invitation.organization.id === id) this.#invitations.delete(ticket);
  }

  /** The `user_id`s of the organization's members, in the order they joined. */
  members(org: DirectoryOrganization): string[] {
    return [...(this.#members.get(org.id) ?? [])];
  }

  addMembers(org: DirectoryOrganization, userIds: readonly string[]): void {
    const members = this.#members.get(org.id);
    for (const userId of userIds) members?.add(userId);
  }

  removeMembers(org: DirectoryOrganization, userIds: readonly string[]): void {
    const members = this.#members.get(org.id);
    for (const userId of userIds) members?.delete(userId);
  }

  /** Ends every membership of a deleted user. */
  forgetUser(userId: string): void {
    for (const members of this.#members.values()) members.delete(userId);
  }

  /** The organizations `userId` belongs to. */
  membershipsOf(userId: string): DirectoryOrganization[] {
    return this.#orgs.filter((org) => this.isMember(org, userId));
  }

  /**
   * Invites `email` to `org` through the client `clientId`; the link goes to the client's
   * `initiate_login_uri` (default `/auth/login` on its first redirect URI's origin).
   */
  invite(
    org: DirectoryOrganization,
    email: string,
    clientId: string,
    options: { ttlMs?: number; inviter?: string } = {},
  ): Invitation {
    const client = this.#clients.get(clientId);
    const base = client?.initiate_login_uri ?? loginRouteOf(client);
    const ticket = randomBytes(16).toString('base64url');
    const url = new URL(base);
    url.searchParams.set('invitation', ticket);
    url.searchParams.set('organization', org.id);
    url.searchParams.set('organization_name', org.name);
    const invitation: Invitation = {
      id: `uinv_${randomBytes(8).toString('hex')}`,
      ticket,
      organization: org,
      email: email.toLowerCase(),
      clientId,
      url: url.href,
      createdAt: this.#now(),
      expiresAt: this.#now() + (options.ttlMs ?? INVITATION_TTL_MS),
      inviter: options.inviter ?? '',
    };
    this.#invitations.set(ticket, invitation);
    return invitation;
  }

  /** The live invitation with this ticket for `org`, or `undefined`. */
  invitation(ticket: string, org: DirectoryOrganization): Invitation | undefined {
    const invitation = this.#invitations.get(ticket);
    if (!invitation || invitation.organization.id !== org.id) return undefined;
    if (invitation.expiresAt <= this.#now()) {
      this.#invitations.delete(ticket);
      return undefined;
    }
    return invitation;
  }

  /** The organization's live invitations, oldest first. */
  invitationsOf(org: DirectoryOrganization): Invitation[] {
    const now = this.#now();
    return [...this.#invitations.values()].filter(
      (invitation) => invitation.organization.id === org.id && invitation.expiresAt > now,
    );
  }

  /** Withdraws an invitation: its link stops working. */
  revoke(invitation: Invitation): void {
    this.#invitations.delete(invitation.ticket);
  }

  /**
   * Uses up the invitation (Auth0 consumes it on any attempt) and, when `email` is the invited one,
   * makes `userId` a member. Answers whether the user was accepted.
   */
  accept(invitation: Invitation, userId: string, email: string): boolean {
    this.#invitations.delete(invitation.ticket);
    if (email.toLowerCase() !== invitation.email) return false;
    this.#members.get(invitation.organization.id)?.add(userId);
    return true;
  }

  /** Records that tokens of `grantId` are for `org` (set when the login's authorization code is issued). */
  bind(grantId: string, org: DirectoryOrganization): void {
    this.#grants.set(grantId, org.id);
  }

  /** The organization the grant logged in to. */
  forGrant(grantId: string | undefined): DirectoryOrganization | undefined {
    const id = grantId === undefined ? undefined : this.#grants.get(grantId);
    return id === undefined ? undefined : this.byId(id);
  }
}

/** `/auth/login` on the origin of the client's first redirect URI: the adapters' login route. */
function loginRouteOf(client: EmulatorClient | undefined): string {
  const first = client?.redirect_uris[0];
  return first ? new URL('/auth/login', first).href : 'http://127.0.0.1:3000/auth/login';
}
