import { randomBytes } from 'node:crypto';
import type { EmulatorUser } from '../config/types.js';
import type { UserDirectory } from '../provider/users.js';
import type { PasswordlessConnection } from './codes.js';

/** The address an SMS user is filed under: the directory keys users by email, and this one never receives mail. */
function smsAddress(phoneNumber: string): string {
  return `${phoneNumber.replace(/^\+/, '')}@sms.invalid`;
}

/**
 * The user a passwordless login is for: the tenant's user with that email (an `sms` login, the one
 * with that phone number), created on first login as Auth0 creates `email|…` and `sms|…` users. Such
 * a user has no usable password.
 */
export function passwordlessUser(
  users: UserDirectory,
  connection: PasswordlessConnection,
  to: string,
): EmulatorUser {
  const email = connection === 'email' ? to : smsAddress(to);
  const existing = users.byEmail(email);
  if (existing) return existing;
  const user: EmulatorUser = {
    user_id: `${connection}|${randomBytes(12).toString('hex')}`,
    email,
    password: randomBytes(32).toString('base64url'),
    ...(connection === 'sms' ? { name: to } : {}),
    mfa: 'off',
    mfa_factors: 1,
    authenticators: [],
    email_verified: connection === 'email',
  };
  users.put(user);
  return user;
}
