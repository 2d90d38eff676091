import {
  createRecordingTenant,
  signingKey as keyUnder,
  type RecordingTenant,
  type TenantOptions,
} from 'auth0-test-kit';
import { TEST_KEY_COUNT, testKeyPair } from '../../../../test/keys.js';

/**
 * The server tests' fake tenant: auth0-test-kit's recording tenant (every request and every minted value
 * kept), signing with the committed fixture keys (test/keys.ts) rather than fresh ones, since RSA
 * generation costs 100-500 ms a tenant.
 */
export type FakeTenant = RecordingTenant;
export type FakeTenantOptions = Pick<TenantOptions, 'issuer' | 'endSession'>;

export function createFakeTenant(options: FakeTenantOptions = {}): Promise<FakeTenant> {
  return createRecordingTenant({
    ...options,
    // The stranger is key 0 and the tenant's own keys cycle through the others, so a rotation always brings
    // a different key.
    keys: (n) => testKeyPair(1 + (n % (TEST_KEY_COUNT - 1))),
    stranger: () => testKeyPair(0),
  });
}

/** Fixture key `index` under `kid`, with its JWK and a signer. */
export async function signingKey(index: number, kid: string) {
  return keyUnder(await testKeyPair(index), kid);
}
