/** Counts token requests per grant_type, so tests can assert how often an SDK refreshed or retried. */
export class TokenStats {
  readonly #counts = new Map<string, number>();

  /** Counts one request; one without `grant_type` counts as `(none)`. */
  record(grantType: string | undefined): void {
    const key = grantType ?? '(none)';
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  /** The counts so far, per grant_type. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }
}
