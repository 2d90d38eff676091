import type { Account } from 'oidc-provider';
import { identitiesOf, type AccountLinks } from './links.js';

/**
 * `account` with its `identities` claim (ID token and /userinfo) once it has a linked account: its own
 * identity first, then the linked ones. A user without links keeps the claims it had.
 */
export function withIdentities(account: Account | undefined, links: AccountLinks): Account | undefined {
  if (!account || links.linked(account.accountId).length === 0) return account;
  return {
    ...account,
    claims: async (...args) => ({
      ...(await account.claims(...args)),
      identities: identitiesOf(account.accountId, links),
    }),
  };
}
