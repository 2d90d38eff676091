// Control characters, and the line separators and bidirectional overrides that forge log lines.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from an untrusted source (a callback URL) fit for a structured error field: unsafe characters
 * removed, at most `max` characters. It still must never be put into a message or HTML unescaped.
 */
export function untrustedText(value: string, max: number): string {
  return value.replace(UNSAFE, '').slice(0, max);
}
