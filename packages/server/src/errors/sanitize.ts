/**
 * A copy of a low-level failure with its name and message only (the message cut to 200
 * characters): what else it references (a request, a Redis command and its arguments, keys,
 * sealed values) stays behind, so it can travel as an SDK error's `cause`.
 */
export function sanitize(err: unknown): Error {
  if (!(err instanceof Error)) return new Error('Unknown failure');
  const copy = new Error(err.message.slice(0, 200));
  copy.name = err.name;
  return copy;
}
