import * as peer from '@auth0/auth0-server-js';
import { describe, expect, it } from 'vitest';
import { setup } from '../helpers/client.js';

// api-contract.md "Peer parity": every public method of the peer's ServerClient and of its sub-clients exists
// on ours under the same name. Read from the installed peer, so a new peer method fails this test.
const publicNames = (prototype: object) =>
  Object.getOwnPropertyNames(prototype).filter((name) => name !== 'constructor' && !name.startsWith('_'));

// The peer's `authClient` hands out its inner `@auth0/auth0-auth-js` client; ours has no such layer.
const NOT_CARRIED = new Set(['authClient']);

describe("the peer's methods exist on ours", () => {
  it('ServerClient: every public method and sub-client', async () => {
    const { client } = await setup();
    const missing = publicNames(peer.ServerClient.prototype)
      .filter((name) => !NOT_CARRIED.has(name))
      .filter((name) => !(name in client) || client[name as keyof typeof client] === undefined);
    expect(missing).toEqual([]);
    expect(publicNames(peer.ServerClient.prototype)).toContain('getAccessTokenForConnection');
  });

  it.each([
    ['mfa', peer.ServerMfaClient],
    ['passkey', peer.ServerPasskeyClient],
    ['database', peer.ServerDatabaseClient],
  ] as const)('client.%s: every method of the peer’s sub-client', async (property, PeerClass) => {
    const { client } = await setup();
    const ours = client[property] as unknown as Record<string, unknown>;
    const names = publicNames(PeerClass.prototype);
    expect(names.length).toBeGreaterThan(1);
    expect(names.filter((name) => typeof ours[name] !== 'function')).toEqual([]);
  });
});
