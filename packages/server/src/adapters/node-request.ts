/**
 * The {@link AdapterRequest} over a Node.js `IncomingMessage`, shared by the Express and Fastify
 * bindings. It lives beside `core/`, not in it: the web binding and `core/` stay free of Node types.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyTooLarge, MAX_BODY_BYTES, parseBody, type AdapterRequest } from './core/index.js';

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

/** Reads and parses a body no framework parser took (at most {@link MAX_BODY_BYTES}). */
export async function readNodeBody(req: IncomingMessage): Promise<unknown> {
  if (req.readableEnded) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw bodyTooLarge();
    chunks.push(buffer);
  }
  return parseBody(req.headers['content-type'], Buffer.concat(chunks).toString('utf8'));
}
