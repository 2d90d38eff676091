import type { EmulatorConfig } from '../config/types.js';
import { ResetTickets } from '../dbconnections/tickets.js';
import { emulatorMfa } from '../dev/emulator-mfa.js';
import { TokenStats } from '../dev/stats.js';
import { argumentError } from '../lib/validate.js';
import { AccountLinks } from '../linking/links.js';
import { MfaService } from '../mfa/index.js';
import { ConnectedAccounts } from '../my-account/accounts.js';
import { OrganizationDirectory } from '../orgs/directory.js';
import type { Invitation } from '../orgs/directory.js';
import { PasswordlessCodes } from '../passwordless/codes.js';
import { UserDirectory } from '../provider/users.js';
import { seedMfaUsers } from './seed.js';

/** An invitation created by `Emulator.invite`. */
export interface InvitationInfo {
  /** `uinv_…`. */
  id: string;
  /** The ticket the link carries as `invitation`. */
  ticket: string;
  organization: { id: string; name: string };
  email: string;
  /** The link to send to the invitee. */
  url: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** What {@link tenantState} is built from. */
export interface TenantOptions {
  config: EmulatorConfig;
  /** The main issuer: the MFA module's links (push approval, Guardian enrollment) name it. */
  issuer: string;
  log: (line: string) => void;
  /** The caller's clock, if any (the modules that take one default to `Date.now`). */
  clock: (() => number) | undefined;
}

/** The state of one tenant, shared by all its domains; see {@link tenantState}. */
export type TenantState = ReturnType<typeof tenantState>;

/**
 * What an Auth0 tenant holds whatever domain it is reached on: users, MFA enrollments and the outbox,
 * organizations, account links, connected accounts, passwordless codes, reset tickets and the token
 * statistics. Each domain keeps its own issuer, keys, provider (so browser sessions and tokens) and
 * pages. Built again on reset.
 */
export function tenantState({ config, issuer, log, clock }: TenantOptions) {
  const users = new UserDirectory(config.users);
  const mfa = new MfaService({
    tenant: config.tenant,
    baseUrl: issuer,
    log,
    ...(clock ? { now: clock } : {}),
    ...config.mfa,
  });
  const orgs = new OrganizationDirectory(config.organizations, config.clients, clock);
  const invite = (request: { organization: string; email: string; clientId: string }): InvitationInfo => {
    const made = inviteChecked(orgs, request);
    log(`invitation for ${made.email} to ${made.organization.name}: ${made.url}`);
    return {
      id: made.id,
      ticket: made.ticket,
      organization: { id: made.organization.id, name: made.organization.name },
      email: made.email,
      url: made.url,
      expiresAt: made.expiresAt,
    };
  };
  return {
    users,
    mfa,
    /** What tests see of MFA (`Emulator.mfa`). */
    mfaView: emulatorMfa(mfa),
    seededUsers: seedMfaUsers(mfa, config.users),
    orgs,
    invite,
    links: new AccountLinks(config.connections),
    accounts: new ConnectedAccounts(clock ?? Date.now),
    codes: new PasswordlessCodes(clock),
    tickets: new ResetTickets(clock),
    stats: new TokenStats(),
  };
}

/** An invitation after the checks Auth0's Management API makes. */
function inviteChecked(
  orgs: OrganizationDirectory,
  request: { organization: string; email: string; clientId: string },
): Invitation {
  const org = typeof request?.organization === 'string' ? orgs.find(request.organization) : undefined;
  if (!org) throw argumentError('organization must name a configured organization');
  if (typeof request.email !== 'string' || !request.email.includes('@'))
    throw argumentError('email must be an email address');
  if (typeof request.clientId !== 'string' || !orgs.client(request.clientId))
    throw argumentError('clientId must name a configured client');
  if (!orgs.usableBy(org, request.clientId))
    throw argumentError('clientId must be a client that may use the organization');
  return orgs.invite(org, request.email, request.clientId);
}
