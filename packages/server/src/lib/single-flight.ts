/**
 * Shares one running operation among concurrent callers with the same key: the first caller starts
 * it, the others receive the same promise, and the key is free again once it settles (a failure is
 * not remembered).
 */
export class SingleFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  /** Runs `operation` for `key`, or joins the run already in progress for it. */
  run(key: string, operation: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running;
    const started = (async () => {
      try {
        return await operation();
      } finally {
        this.#running.delete(key);
      }
    })();
    this.#running.set(key, started);
    return started;
  }
}
