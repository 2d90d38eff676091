const BASE = 'http://return-to.invalid';

/**
 * `value` when it is a path on this app (`/profile?tab=1`), else `fallback`. Refuses what browsers
 * would send elsewhere: absolute URLs, scheme-relative `//evil`, `/\evil` (browsers read `\` as `/`),
 * and control characters.
 */
export function safeReturnTo(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2048) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
