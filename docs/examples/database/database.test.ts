import { readFileSync } from 'node:fs';
import type { Emulator } from 'auth0-emulator';
import { ServerClient, MemoryTransactionStore } from 'auth0-server-ts';
import { MemoryStateStore } from 'auth0-server-ts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../../test/emulator.js';
import { docBlocks, region } from '../regions.js';
import { forgotPassword, signUp } from './database.js';

const CLIENT_SECRET = 'app-secret-at-least-32-characters!!';

describe('docs/database.md', () => {
  let em: Emulator;
  let client: ServerClient;
  beforeAll(async () => {
    em = await startTestEmulator({
      clients: [
        { client_id: 'app', client_secret: CLIENT_SECRET, redirect_uris: ['http://127.0.0.1:3000/cb'] },
      ],
      users: [{ user_id: 'auth0|alice', email: 'alice@example.com', password: 'Passw0rd!' }],
    });
    client = new ServerClient({
      domain: em.issuer.replace(/\/$/, ''),
      clientId: 'app',
      clientSecret: CLIENT_SECRET,
      secret: 'the-app-cookie-secret-of-at-least-32-chars',
      stateStore: new MemoryStateStore(),
      transactionStore: new MemoryTransactionStore(),
    });
  });
  afterAll(() => em.close());

  it('sign-up: a new user, a weak password, a taken email', async () => {
    expect(await signUp(client, { email: 'dana@example.com', password: 'Str0ng!pass' })).toEqual({
      ok: true,
      id: expect.any(String),
    });
    expect(await signUp(client, { email: 'erin@example.com', password: 'short' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/longer password/),
    });
    expect(await signUp(client, { email: 'alice@example.com', password: 'Str0ng!pass' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already have an account/),
    });
  });

  it('forgot password: the message, and the link in the outbox', async () => {
    expect(await forgotPassword(client, 'alice@example.com')).toMatch(/sent you an email/);
    expect(em.mfa.outbox().at(-1)).toMatchObject({ to: 'alice@example.com', purpose: 'password_reset' });
  });

  it('shows each snippet exactly as its example file has it', () => {
    const page = new URL('../../database.md', import.meta.url);
    const blocks = docBlocks(page);
    expect(blocks.length).toBe(2);
    for (const block of blocks) expect(block.code).toBe(region(new URL(block.file, page), block.name));
    expect(readFileSync(page, 'utf8').match(/```ts/g)?.length).toBe(blocks.length);
  });
});
