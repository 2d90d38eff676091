/** Loopback names the emulator may be reached by: `localhost` and any name under it (RFC 6761). */
export type EmulatorHost = '127.0.0.1' | 'localhost' | `${string}.localhost`;

const LOCALHOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*localhost$/;

/** Whether `host` is a name the emulator may serve under (see {@link EmulatorHost}). */
export function isEmulatorHost(host: string): host is EmulatorHost {
  return host === '127.0.0.1' || LOCALHOST_NAME.test(host);
}
