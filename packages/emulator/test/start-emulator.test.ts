import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startEmulator } from 'auth0-emulator';
import { EMULATOR_SIGNING_KEY } from '../../../test/keys.js';

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

describe('startEmulator', () => {
  it('releases its port when start-up fails after binding it', async () => {
    const port = await freePort();
    const user = { user_id: 'auth0|x', email: 'x@example.com', password: 'Passw0rd!' };
    await expect(
      startEmulator({
        port,
        quiet: true,
        signingKey: EMULATOR_SIGNING_KEY,
        // parseConfig lets this through; the MFA module refuses it once the port is bound.
        config: { users: [{ ...user, authenticators: [{ type: 'sms', phone_number: '555-0100' }] }] },
      }),
    ).rejects.toThrow(/phone_number must be in E\.164 form/);
    const em = await startEmulator({
      port,
      quiet: true,
      signingKey: EMULATOR_SIGNING_KEY,
      config: { users: [user] },
    });
    expect(em.port).toBe(port);
    await em.close();
  });

  it('refuses a host other than 127.0.0.1 or localhost, a port out of range and a clock that is not a function, naming the option', async () => {
    const host: string = '0.0.0.0';
    // @ts-expect-error a JavaScript caller is not held to the literal union
    await expect(startEmulator({ quiet: true, host })).rejects.toThrow(/^host must be/);
    await expect(startEmulator({ quiet: true, port: 70_000 })).rejects.toThrow(/^port must be/);
    await expect(startEmulator({ quiet: true, port: 1.5 })).rejects.toThrow(/^port must be/);
    const now: unknown = 1_700_000_000_000;
    // @ts-expect-error a JavaScript caller may pass a number for the clock
    await expect(startEmulator({ quiet: true, port: 0, now })).rejects.toThrow(/^now must be a function/);
    const publicOnly = { kty: 'RSA', n: EMULATOR_SIGNING_KEY.n, e: EMULATOR_SIGNING_KEY.e };
    await expect(startEmulator({ quiet: true, port: 0, signingKey: publicOnly })).rejects.toThrow(
      /^signingKey must be an RSA private key/,
    );
  });

  it('signs with a supplied key, under a new kid at each start', async () => {
    const kids: string[] = [];
    for (let start = 0; start < 2; start++) {
      const em = await startEmulator({ port: 0, quiet: true, signingKey: EMULATOR_SIGNING_KEY });
      try {
        const { keys } = (await (await fetch(new URL('.well-known/jwks.json', em.issuer))).json()) as {
          keys: { n: string; kid: string; d?: string }[];
        };
        expect(keys).toHaveLength(1);
        expect(keys[0]).toMatchObject({ n: EMULATOR_SIGNING_KEY.n, kid: expect.any(String) });
        expect(keys[0]).not.toHaveProperty('d');
        kids.push(keys[0]?.kid ?? '');
      } finally {
        await em.close();
      }
    }
    expect(kids[0]).not.toBe(kids[1]);
  });
});
