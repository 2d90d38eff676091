import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { MfaService } from '../mfa/index.js';
import type { MfaRequirement } from '../provider/mfa-requirement.js';
import type { UserDirectory } from '../provider/users.js';
import type { OrganizationDirectory } from '../orgs/directory.js';
import type { SessionTransfers } from '../grants/session-transfers.js';
import type { LoginStates } from './state.js';
import type { AccountLinks } from '../linking/links.js';

/** What the login pages need from the emulator. */
export interface LoginDeps {
  provider: Provider;
  users: UserDirectory;
  mfa: MfaService;
  mfaRequirement: MfaRequirement;
  states: LoginStates;
  orgs: OrganizationDirectory;
  /** The accounts users link (the link and unlink pages). */
  links: AccountLinks;
  /** Session transfer tokens an /authorize request may log in with, once. */
  transfers?: SessionTransfers;
}

/** One request to a login page. */
export interface LoginRequest {
  req: IncomingMessage;
  res: ServerResponse;
  uid: string;
  form: Record<string, string>;
}
