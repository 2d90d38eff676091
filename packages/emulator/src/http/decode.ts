/**
 * `decodeURIComponent` for values a client controls (path segments, Basic credentials): `undefined`
 * for a malformed escape such as `%E0`, which must be answered as a bad request, not a server error.
 */
export function decodeComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
