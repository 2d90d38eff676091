/** One answered request, as `startEmulator`'s `onRequest` hook receives it. */
export interface RequestLogEntry {
  /** `GET`, `POST`... */
  method: string;
  /** The path without the query string, codes in it replaced by `:oob_code` (see {@link loggablePath}). */
  path: string;
  /** The status sent; 0 when the client went away before an answer. */
  status: number;
  /** Milliseconds from the request's arrival to the end of the answer. */
  ms: number;
}

const MAX_PATH = 200;

/**
 * The request path for a log line: no query string (codes, states and hints travel there), the push
 * challenge's oob_code out of /__dev/push/... , and never longer than 200 characters.
 */
export function loggablePath(rawUrl: string | undefined): string {
  let path: string;
  try {
    // URL parsing percent-encodes spaces and control characters, so a path cannot forge log lines.
    path = new URL(rawUrl ?? '/', 'http://emulator.invalid').pathname;
  } catch {
    return '(unparsable path)';
  }
  path = path.replace(/^\/__dev\/push\/[^/]+/, '/__dev/push/:oob_code');
  return path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}...` : path;
}

/** `GET /authorize 302 4 ms`. */
export function formatRequestLine(entry: RequestLogEntry): string {
  return `${entry.method} ${entry.path} ${entry.status || '-'} ${entry.ms} ms`;
}
