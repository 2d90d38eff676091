/**
 * The key Node's `util.inspect` (and so `console.log`) looks for. From the global symbol registry, so
 * the core needs no `node:util` import and stays runtime-neutral; other runtimes ignore it.
 */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The `inspect` function Node passes to a custom inspector as its third argument. */
type Inspect = (value: unknown, options?: unknown) => string;

/**
 * Makes `util.inspect` and `JSON.stringify` of every instance of `target` show only `view(instance)`,
 * so logging an SDK object can never print a secret, a token or a session it holds, whatever fields
 * it gains later. `json: false` leaves an existing `toJSON` in place.
 */
export function redactedView<T extends object>(
  target: { prototype: T; name: string },
  view: (instance: T) => Record<string, unknown>,
  options: { json?: boolean; stack?: boolean } = {},
): void {
  Object.defineProperty(target.prototype, INSPECT, {
    configurable: true,
    value(this: T, _depth: number, inspectOptions: unknown, inspect?: Inspect): string {
      const fields = view(this);
      const body = inspect ? inspect(fields, inspectOptions) : JSON.stringify(fields);
      const head =
        options.stack && this instanceof Error
          ? (this.stack ?? `${this.name}: ${this.message}`)
          : target.name;
      return `${head} ${body}`;
    },
  });
  if (options.json !== false) {
    Object.defineProperty(target.prototype, 'toJSON', {
      configurable: true,
      value(this: T) {
        return view(this);
      },
    });
  }
}
