import type { AuthenticatorView, MfaRequiredBody } from '../mfa/index.js';

/** A string member of an MFA module answer body (bodies are typed `unknown` at the module boundary). */
export function member(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null || !(name in body)) return undefined;
  const value: unknown = Reflect.get(body, name);
  return typeof value === 'string' ? value : undefined;
}

/** A string-array member of an MFA module answer body (`recovery_codes`); `[]` when absent. */
export function members(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null || !(name in body)) return [];
  const value: unknown = Reflect.get(body, name);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isAuthenticator(value: unknown): value is AuthenticatorView {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof member(value, 'id') === 'string' &&
    typeof member(value, 'authenticator_type') === 'string' &&
    'active' in value &&
    typeof value.active === 'boolean'
  );
}

/** The authenticators of a `listAuthenticators` answer body, skipping anything malformed. */
export function authenticatorList(body: unknown): AuthenticatorView[] {
  return Array.isArray(body) ? body.filter(isAuthenticator) : [];
}

/** Whether an MFA grant answered `mfa_required` (chained MFA: another factor is needed). */
export function isMfaRequired(body: unknown): body is MfaRequiredBody {
  return member(body, 'error') === 'mfa_required' && member(body, 'mfa_token') !== undefined;
}
