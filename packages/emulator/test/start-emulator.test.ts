import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startEmulator } from 'auth0-emulator';

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
        // parseConfig lets this through; the MFA module refuses it once the port is bound.
        config: { users: [{ ...user, authenticators: [{ type: 'sms', phone_number: '555-0100' }] }] },
      }),
    ).rejects.toThrow(/phone_number must be in E\.164 form/);
    const em = await startEmulator({ port, quiet: true, config: { users: [user] } });
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
  });
});
