import { describe, expect, it } from 'vitest';
import { parseConfig } from 'auth0-emulator';

const user = { user_id: 'auth0|x', email: 'x@example.com', password: 'Passw0rd!' };

describe('parseConfig', () => {
  it('refuses a seeded otp secret the MFA module cannot use, naming its full path', () => {
    // Not Base32, and Base32 of 5 bytes (under the 80 bits the MFA module accepts).
    for (const secret of ['not base32!', 'JBSWY3DP']) {
      expect(() =>
        parseConfig({
          users: [
            user,
            {
              ...user,
              user_id: 'auth0|y',
              email: 'y@example.com',
              authenticators: [{ type: 'push' }, { type: 'otp', secret }],
            },
          ],
        }),
      ).toThrow(
        new TypeError(
          'config.users[1].authenticators[1].secret must be a Base32 string of at least 10 bytes',
        ),
      );
    }
  });

  it('accepts an 80-bit otp secret and a 160-bit one', () => {
    for (const secret of ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ']) {
      const config = parseConfig({ users: [{ ...user, authenticators: [{ type: 'otp', secret }] }] });
      expect(config.users[0]?.authenticators).toEqual([{ type: 'otp', secret }]);
    }
  });
});
