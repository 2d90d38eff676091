import type { ReplayStore } from '../types.js';

/**
 * Remembers identifiers (a logout token's `jti`) until they expire, to refuse a second use. Bounded:
 * past `maxEntries` the oldest entries are forgotten first, so a flood cannot exhaust memory.
 */
export class ReplayCache implements ReplayStore {
  readonly #seen = new Map<string, number>();
  readonly #maxEntries: number;

  /** @param maxEntries how many identifiers to remember at most. */
  constructor(maxEntries = 10_000) {
    this.#maxEntries = maxEntries;
  }

  /** Whether `id` is recorded and not expired. */
  has(id: string, now = Date.now()): boolean {
    return (this.#seen.get(id) ?? 0) > now;
  }

  /** Records `id` until `expiresAt` (unix ms); `false` when it was already recorded and not expired. */
  add(id: string, expiresAt: number, now = Date.now()): boolean {
    const known = this.#seen.get(id);
    if (known !== undefined && known > now) return false;
    this.#seen.delete(id);
    this.#seen.set(id, expiresAt);
    this.#prune(now);
    return true;
  }

  remove(id: string): void {
    this.#seen.delete(id);
  }

  /** Drops expired entries from the oldest on, and the oldest live ones past `maxEntries`. */
  #prune(now: number): void {
    for (const [id, expiresAt] of this.#seen) {
      if (this.#seen.size <= this.#maxEntries && expiresAt > now) break;
      this.#seen.delete(id);
    }
  }
}
