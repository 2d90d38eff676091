const BASE = 'http://return-to.invalid';

/**
 * `value` when it is a path on this app (`/profile?tab=1`), else `fallback`. Refuses what browsers
 * would send elsewhere: absolute URLs, scheme-relative `//evil`, `/\evil` (browsers read `\` as `/`),
 * and control characters. Idempotent: a path that only becomes `//evil` once its dot segments are
 * resolved (`/.//evil`, `/%2e%2e//evil`) is refused, not handed on normalised.
 */
export function safeReturnTo(value: unknown, fallback = '/'): string {
  const once = onApp(value);
  return once !== undefined && onApp(once) === once ? once : fallback;
}

/** The normalised path, or `undefined` when `value` is not a path on this app. */
function onApp(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2048) return undefined;
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== BASE) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
