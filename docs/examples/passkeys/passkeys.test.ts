import { readFileSync } from 'node:fs';
import { TestAuthenticator, type Emulator } from 'auth0-emulator';
import { ServerClient, MemoryTransactionStore } from 'auth0-server-ts';
import { MemoryStateStore } from 'auth0-server-ts/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../../test/emulator.js';
import { docBlocks, region } from '../regions.js';
import {
  finishWithPasskey,
  logInOptions,
  finishInOrganization,
  organizationLogInOptions,
  passkeyClient,
  signUpAndLogIn,
  signUpOptions,
} from './passkeys.js';

const ORIGIN = 'http://localhost:3000';

describe('docs/passkeys.md', () => {
  let em: Emulator;
  let client: ServerClient;
  beforeAll(async () => {
    em = await startTestEmulator({
      clients: [{ ...passkeyClient, organization_usage: 'allow' }],
      organizations: [
        { id: 'org_acme', name: 'acme' },
        { id: 'org_globex', name: 'globex' },
      ],
    });
    client = new ServerClient({
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: passkeyClient.client_secret ?? '',
      secret: 'the-app-cookie-secret-of-at-least-32-chars',
      stateStore: new MemoryStateStore(),
      transactionStore: new MemoryTransactionStore(),
    });
  });
  beforeEach(async () => {
    await em.reset();
    await client.logout();
  });
  afterAll(() => em.close());

  it('options, then finish: a sign-up writes the session; a taken email is a message', async () => {
    const options = await signUpOptions(client, { email: 'pat@example.com', name: 'Pat' });
    if (!options.ok) throw new Error(options.message);
    expect(options.publicKey.rp.id).toBe('localhost');
    const credential = new TestAuthenticator().create(options.publicKey, ORIGIN);
    expect(
      await finishWithPasskey(client, { authSession: options.authSession, credential }, undefined),
    ).toEqual({
      next: '/profile',
    });
    expect((await client.getUser())?.email).toBe('pat@example.com');
    expect(await signUpOptions(client, { email: 'pat@example.com' })).toMatchObject({ ok: false });
  });

  it('finish with an unknown passkey is a message, and no session', async () => {
    const stranger = new TestAuthenticator();
    stranger.create((await client.passkey.register({ email: 'x@example.com' })).authnParamsPublicKey, ORIGIN);
    const login = await logInOptions(client);
    const credential = stranger.get(login.publicKey, ORIGIN);
    expect(
      await finishWithPasskey(client, { authSession: login.authSession, credential }, undefined),
    ).toEqual({
      message: 'That passkey was not accepted. Try again.',
    });
    expect(await client.getUser()).toBeUndefined();
  });

  it('the test authenticator signs up and logs in', async () => {
    expect(await signUpAndLogIn(client, undefined, ORIGIN)).toMatchObject({ email: 'pat@example.com' });
  });

  it('a login into an organization: the session names it; one the user is not a member of is a message', async () => {
    const authenticator = new TestAuthenticator();
    const signUp = await client.passkey.register({ email: 'pat@example.com', organization: 'acme' });
    const created = authenticator.create(signUp.authnParamsPublicKey, ORIGIN);
    await client.passkey.getToken({
      authSession: signUp.authSession,
      credential: created,
      organization: 'acme',
    });
    await client.logout();
    const logIn = async (organization: string) => {
      const options = await organizationLogInOptions(client, organization);
      const credential = authenticator.get(options.publicKey, ORIGIN);
      return finishInOrganization(
        client,
        { authSession: options.authSession, credential },
        organization,
        undefined,
      );
    };
    expect(await logIn('acme')).toEqual({ next: '/profile' });
    expect(await client.getUser()).toMatchObject({ org_id: 'org_acme', org_name: 'acme' });
    await client.logout();
    expect(await logIn('globex')).toEqual({ message: 'You are not a member of this organization.' });
    expect(await client.getUser()).toBeUndefined();
  });

  it('shows each snippet exactly as its example file has it', () => {
    const page = new URL('../../passkeys.md', import.meta.url);
    const blocks = docBlocks(page);
    expect(blocks.length).toBe(5);
    for (const block of blocks) expect(block.code).toBe(region(new URL(block.file, page), block.name));
    expect(readFileSync(page, 'utf8').match(/```ts/g)?.length).toBe(blocks.length);
  });
});
