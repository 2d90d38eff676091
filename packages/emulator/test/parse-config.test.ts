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
        Object.assign(
          new TypeError(
            'config.users[1].authenticators[1].secret must be a Base32 string of at least 10 bytes',
          ),
          { code: 'ERR_INVALID_ARG_VALUE' },
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

  it('refuses malformed fields with one wording and a stable code', () => {
    const caught = (input: unknown) => {
      try {
        parseConfig(input);
      } catch (err) {
        return err;
      }
      return undefined;
    };
    expect(caught({ users: 'alice' })).toMatchObject({
      message: 'config.users must be an array',
      code: 'ERR_INVALID_ARG_TYPE',
    });
    expect(caught({ users: [{ ...user, email: '' }] })).toMatchObject({
      message: 'config.users[0].email must be a non-empty string',
      code: 'ERR_INVALID_ARG_VALUE',
    });
    for (const accessToken of [0, 1.5, '60']) {
      expect(caught({ ttl: { accessToken } })).toMatchObject({
        message: 'config.ttl.accessToken must be an integer of at least 1 (seconds)',
        code: typeof accessToken === 'number' ? 'ERR_INVALID_ARG_VALUE' : 'ERR_INVALID_ARG_TYPE',
      });
    }
    expect(caught({ users: [{ ...user, mfa_factors: 3 }] })).toMatchObject({
      message: 'config.users[0].mfa_factors must be an integer from 1 to 2',
      code: 'ERR_INVALID_ARG_VALUE',
    });
  });
  it("reads organizations and each client's organization_usage, naming a bad field", () => {
    const config = parseConfig({
      clients: [{ client_id: 'app', client_secret: 's'.repeat(32), organization_usage: 'require' }],
      users: [user],
      organizations: [{ id: 'org_acme', name: 'acme', members: ['auth0|x'] }],
    });
    expect(config.clients[0]).toMatchObject({
      organization_usage: 'require',
      organization_require_behavior: 'no_prompt',
    });
    expect(config.organizations[0]).toEqual({
      id: 'org_acme',
      name: 'acme',
      display_name: 'acme',
      members: ['auth0|x'],
    });
    expect(() => parseConfig({ organizations: [{ id: 'acme', name: 'acme' }] })).toThrow(
      'config.organizations[0].id must start with org_',
    );
    expect(() => parseConfig({ organizations: [{ id: 'org_a', name: 'Acme' }] })).toThrow(
      'config.organizations[0].name must be',
    );
    expect(() =>
      parseConfig({ organizations: [{ id: 'org_a', name: 'a', members: ['auth0|nobody'] }] }),
    ).toThrow('config.organizations[0].members[0] names no user_id');
    expect(() => parseConfig({ clients: [{ client_id: 'c', organization_usage: 'sometimes' }] })).toThrow(
      'config.clients[0].organization_usage must be one of deny, allow, require',
    );
  });
});
