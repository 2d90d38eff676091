import { json, type AdapterResponse } from './request-response.js';

/** The largest request body the routes read (a logout token or an MFA request are far smaller). */
export const MAX_BODY_BYTES = 64 * 1024;

/** A request body over {@link MAX_BODY_BYTES}: the routes answer {@link bodyTooLargeAnswer}. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor() {
    super(`the request body must be at most ${MAX_BODY_BYTES} bytes`);
  }
}

/** The `413` every binding answers to a body over the limit. */
export function bodyTooLargeAnswer(): AdapterResponse {
  return json(413, { error: 'invalid_request', errorDescription: new BodyTooLargeError().message });
}

/**
 * A body as UTF-8 text, read chunk by chunk up to {@link MAX_BODY_BYTES}. A larger `Content-Length`
 * is refused before reading; a longer stream (chunked, or lying about its length) is left at the
 * chunk that crosses the limit, so an endless body costs at most the limit. Leaving the loop early
 * calls the iterator's `return`, which is where a caller stops its stream.
 *
 * @throws {BodyTooLargeError} past the limit.
 */
export async function readLimitedText(
  chunks: AsyncIterable<Uint8Array>,
  contentLength: string | undefined,
): Promise<string> {
  if (contentLength !== undefined && Number(contentLength) > MAX_BODY_BYTES) throw new BodyTooLargeError();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
