import type { EmulatorUser } from '../config/types.js';
import { ACR_MFA } from '../grants/names.js';
import type { ApiRegistry } from './apis.js';

/** What a token or authorization request says about the second factor it needs. */
export interface MfaRequest {
  /** The user, once known (password grants, the login form): `mfa: "required"` always asks. */
  user?: Pick<EmulatorUser, 'mfa'>;
  /** The resource indicator(s) the tokens are for (Auth0 `audience`), as a string or a list. */
  resource?: unknown;
  /** `acr_values` of an authorization request (space separated). */
  acrValues?: unknown;
}

function values(value: unknown, separator?: string): string[] {
  if (typeof value === 'string') return separator ? value.split(separator) : [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * The one rule for "this request must pass MFA", shared by the password grants, the refresh step-up
 * and the login (form and interaction policy), as an Auth0 Action calling multifactor would apply it:
 * the user requires MFA, the request asks for it with `acr_values`, or a token is for an API with
 * `mfa: "always"`; a refresh also steps up for `mfa: "required"` ({@link MfaRequirement.neededOnRefresh}).
 * Whether the session or grant already passed it is for each caller to check.
 */
export class MfaRequirement {
  constructor(private readonly apis: ApiRegistry) {}

  /** Whether a login or a password grant must pass a second factor. */
  needed(request: MfaRequest): boolean {
    return (
      request.user?.mfa === 'required' ||
      values(request.acrValues, ' ').includes(ACR_MFA) ||
      values(request.resource).some((audience) => this.apis.requiresMfaAlways(audience))
    );
  }

  /** A refresh_token grant for `audience` steps up for APIs with `mfa` `required` or `always`. */
  neededOnRefresh(audience: string | undefined): boolean {
    return this.apis.requiresMfa(audience);
  }
}
