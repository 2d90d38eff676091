/**
 * Whether `hostname` (as `URL#hostname` gives it) is a loopback host: `localhost`, a `*.localhost`
 * name, `[::1]` or any 127.0.0.0/8 address. Plain http is allowed there (to a local authorization
 * server, and for cookies, which browsers treat as secure on loopback) and nowhere else.
 */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}
