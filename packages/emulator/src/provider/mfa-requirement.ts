import type { EmulatorUser } from '../config/types.js';
import { ACR_MFA } from './grant-names.js';
import type { ApiRegistry } from './apis.js';

/** What a token or authorization request says about the second factor it needs. */
export interface MfaRequest {
  /** The user, once known (password grants, the login form): `mfa: "required"` always asks. */
  user?: Pick<EmulatorUser, 'mfa' | 'user_id'>;
  /** The user of an existing browser session, when `user` is not known yet. */
  userId?: string | undefined;
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
 * the user requires MFA, the request asks for it with `acr_values`, a token is for an API with
 * `mfa: "always"`, or a token is for the MFA API and the user has an active factor (as on Auth0: an
 * MFA API token manages the factors, so it must not be had with the password alone); a refresh also
 * steps up for `mfa: "required"` ({@link MfaRequirement.neededOnRefresh}). Whether the session or grant
 * already passed it is for each caller to check.
 */
export class MfaRequirement {
  constructor(
    private readonly apis: ApiRegistry,
    private readonly enrolled: (userId: string) => boolean,
  ) {}

  /** Whether a login or a password grant must pass a second factor. */
  needed(request: MfaRequest): boolean {
    const userId = request.user?.user_id ?? request.userId;
    return (
      request.user?.mfa === 'required' ||
      values(request.acrValues, ' ').includes(ACR_MFA) ||
      values(request.resource).some(
        (audience) => this.apis.requiresMfaAlways(audience) || this.forMfaApi(audience, userId),
      )
    );
  }

  /**
   * A refresh_token grant for `audience` steps up for APIs with `mfa` `required` or `always`, and for the
   * MFA API when the user has an active factor.
   */
  neededOnRefresh(audience: string | undefined, userId: string | undefined): boolean {
    return this.apis.requiresMfa(audience) || this.forMfaApi(audience, userId);
  }

  /** Whether `audience` is the MFA API and the user has an active factor to pass first. */
  forMfaApi(audience: string | undefined, userId: string | undefined): boolean {
    return audience === this.apis.mfaAudience && userId !== undefined && this.enrolled(userId);
  }
}
