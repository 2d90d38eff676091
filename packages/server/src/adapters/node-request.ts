/**
 * The {@link AdapterRequest} over a Node.js `IncomingMessage`, shared by the Express and Fastify
 * bindings. It lives beside `core/`, not in it: the web binding and `core/` stay free of Node types.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { BodyTooLargeError, parseBody, readLimitedText, type AdapterRequest } from './core/index.js';

/**
 * The shared routes' view of a Node request: `url` is the path and query as the app saw them
 * (Express's `originalUrl`, before a mount path is stripped), `readBody` what the framework parsed.
 */
export function nodeAdapterRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  readBody: () => Promise<unknown>,
): AdapterRequest {
  let signal: AbortSignal | undefined;
  return {
    method: req.method ?? 'GET',
    url,
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    readBody,
    // Aborts when the client goes away before the answer is written (stops a push wait).
    get signal() {
      if (!signal) {
        const controller = new AbortController();
        res.once('close', () => {
          if (!res.writableFinished) controller.abort();
        });
        signal = controller.signal;
      }
      return signal;
    },
  };
}

/**
 * Reads and parses `body` (the request's stream, or what a framework made of it) up to
 * `MAX_BODY_BYTES`. Past the limit the stream is left as it is, not destroyed (that would take the
 * socket and the answer with it), and the connection is marked to close after the `413`: Node then
 * drops the rest instead of reading it to keep the connection alive.
 *
 * @throws {BodyTooLargeError} past the limit.
 */
export async function readNodeBody(
  body: Readable,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<unknown> {
  if (body.readableEnded) return undefined;
  try {
    return parseBody(
      req.headers['content-type'],
      await readLimitedText(bytes(body), req.headers['content-length']),
    );
  } catch (err) {
    if (err instanceof BodyTooLargeError) res.shouldKeepAlive = false;
    throw err;
  }
}

async function* bytes(stream: Readable): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<unknown>)
    yield chunk instanceof Uint8Array ? chunk : new TextEncoder().encode(String(chunk));
}
