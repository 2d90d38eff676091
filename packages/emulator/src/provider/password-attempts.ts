/**
 * Brute-force protection for passwords, counted per login name like the MFA module counts wrong codes per
 * user: after `maxAttempts` wrong passwords in a row the name is locked for `lockoutMs`, during which even
 * the right password answers 429 `too_many_attempts`. Unknown names are counted too, so the lockout does
 * not tell which accounts exist. A success resets the count.
 */
export class PasswordAttempts {
  readonly #entries = new Map<string, { failures: number; lockedUntil?: number }>();
  readonly #maxAttempts: number;
  readonly #lockoutMs: number;
  readonly #now: () => number;

  constructor(options: { maxAttempts?: number; lockoutMs?: number; now?: () => number } = {}) {
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#lockoutMs = options.lockoutMs ?? 300_000;
    this.#now = options.now ?? Date.now;
  }

  /** Seconds until the name may try again (for `Retry-After`), or `undefined` when it is not locked. */
  lockedFor(name: string): number | undefined {
    const entry = this.#entries.get(key(name));
    const now = this.#now();
    if (entry?.lockedUntil === undefined) return undefined;
    if (entry.lockedUntil <= now) {
      this.#entries.delete(key(name));
      return undefined;
    }
    return Math.ceil((entry.lockedUntil - now) / 1000);
  }

  /** Counts a wrong password, locking the name once the limit is reached. */
  failed(name: string): void {
    const k = key(name);
    const entry = this.#entries.get(k) ?? { failures: 0 };
    entry.failures += 1;
    if (entry.failures >= this.#maxAttempts) {
      entry.failures = 0;
      entry.lockedUntil = this.#now() + this.#lockoutMs;
    }
    // Re-inserted so the map stays in last-use order and the oldest entry is the one dropped.
    this.#entries.delete(k);
    this.#entries.set(k, entry);
    if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value ?? k);
  }

  /** Forgets earlier wrong passwords after a success. */
  succeeded(name: string): void {
    this.#entries.delete(key(name));
  }
}

// Bounds memory against a flood of made-up names; a dropped entry only forgets a count.
const MAX_ENTRIES = 10_000;

/** Login names are emails, compared case-insensitively; the length cap keeps keys small. */
function key(name: string): string {
  return name.trim().toLowerCase().slice(0, 254);
}

/** The error body of a locked login, as Auth0 words it. */
export const TOO_MANY_ATTEMPTS = {
  error: 'too_many_attempts',
  error_description: 'Your account has been blocked after multiple consecutive login attempts.',
} as const;
