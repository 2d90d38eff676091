import { ServerClient as PeerClient } from '@auth0/auth0-server-js';
import { describe, expect, it } from 'vitest';
import type { PeerEnrollOptions } from '../../src/index.js';
import { fieldsOf, json, type Seen } from 'auth0-test-kit';
import { sealed, setup } from '../mfa/harness.js';

const answer = { authenticator_type: 'oob', oob_channel: 'sms', oob_code: 'oob-1', binding_method: 'prompt' };
const associate = (request: Seen) =>
  request.method === 'POST' && request.path === '/mfa/associate' ? json(answer) : undefined;

/** What the peer sends to /mfa/associate for `options` (its own fetch, its own client). */
async function peerBody(options: PeerEnrollOptions): Promise<Record<string, unknown>> {
  let body: Record<string, unknown> = {};
  const customFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === '/mfa/associate') {
      body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      return Response.json(answer);
    }
    return new Response('not found', { status: 404 });
  };
  const noStore = { get: async () => undefined, set: async () => {}, delete: async () => {} };
  const peer = new PeerClient({
    domain: 'tenant.example.com',
    clientId: 'app',
    clientSecret: 'client-secret-value',
    customFetch,
    stateStore: { ...noStore, deleteByLogoutToken: async () => {} },
    transactionStore: noStore,
  });
  await peer.mfa.enrollAuthenticator({ ...options, mfaToken: 'RAW-MFA-TOKEN' });
  return body;
}

// The peer's documented options for enrollAuthenticator (auth0-auth-js EnrollOtpOptions,
// EnrollOobOptions, EnrollEmailOptions): the same object, given to both clients, asks the server for
// the same authenticator.
const mfaToken = 'replaced by each client';
const cases: [string, PeerEnrollOptions][] = [
  ['otp', { mfaToken, authenticatorTypes: ['otp'] }],
  ['sms', { mfaToken, authenticatorTypes: ['oob'], oobChannels: ['sms'], phoneNumber: '+14155550100' }],
  ['voice', { mfaToken, authenticatorTypes: ['oob'], oobChannels: ['voice'], phoneNumber: '+14155550100' }],
  ['email', { mfaToken, authenticatorTypes: ['oob'], oobChannels: ['email'], email: 'alice@example.com' }],
  ['email without an address', { mfaToken, authenticatorTypes: ['oob'], oobChannels: ['email'] }],
  ['push (auth0)', { mfaToken, authenticatorTypes: ['oob'], oobChannels: ['auth0'] }],
];

describe("enrollAuthenticator takes the peer's options", () => {
  it.each(cases)('%s: sends what the peer sends', async (_name, options) => {
    const { mfa, tokens, seen } = setup({ routes: [associate] });
    await mfa.enrollAuthenticator({ ...options, mfaToken: await sealed(tokens) });
    const ours = fieldsOf(seen[0] ?? { method: '', path: '', headers: new Headers(), body: '{}' });
    // Ours authenticates the client in the body as well; the peer sends the token alone.
    expect(ours).toEqual({
      ...(await peerBody(options)),
      client_id: 'app',
      client_secret: 'client-secret-value',
    });
  });

  it.each([
    [{ authenticatorTypes: ['sms'] }, /"authenticatorTypes" must be \["otp"\] or \["oob"\]/],
    [{ authenticatorTypes: ['oob'] }, /"oobChannels" must be one of/],
    [{ authenticatorTypes: ['oob'], oobChannels: ['sms', 'voice'] }, /"oobChannels" must be one of/],
    [{ authenticatorTypes: ['oob'], oobChannels: ['sms'] }, /"phoneNumber" must be an E\.164 number/],
    [{ authenticatorTypes: ['otp'], oobChannels: ['sms'] }, /"oobChannels" is only for/],
  ])('refuses %j with a TypeError naming the field', async (options, message) => {
    const { mfa, tokens, seen } = setup({ routes: [associate] });
    const input: unknown = { ...options, mfaToken: await sealed(tokens) };
    const call = Reflect.apply(mfa.enrollAuthenticator, mfa, [input]);
    await expect(call).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });
});
