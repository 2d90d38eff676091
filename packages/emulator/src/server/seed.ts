import type { EmulatorUser } from '../config/types.js';
import type { MfaService, SeedAuthenticator, SeededUser } from '../mfa/index.js';

function seed(user: EmulatorUser): SeedAuthenticator[] {
  return user.authenticators.map((authenticator) =>
    authenticator.type === 'email'
      ? { type: 'email', email: authenticator.email ?? user.email }
      : authenticator,
  );
}

/** Registers every user with the MFA module (with pre-enrolled factors), returning generated secrets to print. */
export function seedMfaUsers(mfa: MfaService, users: EmulatorUser[]): SeededUser[] {
  return users.map((user) =>
    mfa.addUser({
      userId: user.user_id,
      email: user.email,
      factorsRequired: user.mfa_factors,
      authenticators: seed(user),
    }),
  );
}
