import { parseBody, readLimitedText, BodyTooLargeError } from './chunk-JOPTU457.js';

// src/adapters/node-request.ts
function nodeAdapterRequest(req, res, url, readBody) {
  let signal;
  return {
    method: req.method ?? "GET",
    url,
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    readBody,
    // Aborts when the client goes away before the answer is written (stops a push wait).
    get signal() {
      if (!signal) {
        const controller = new AbortController();
        res.once("close", () => {
          if (!res.writableFinished) controller.abort();
        });
        signal = controller.signal;
      }
      return signal;
    }
  };
}
async function readNodeBody(body, req, res) {
  if (body.readableEnded) return void 0;
  try {
    return parseBody(
      req.headers["content-type"],
      await readLimitedText(bytes(body), req.headers["content-length"])
    );
  } catch (err) {
    if (err instanceof BodyTooLargeError) res.shouldKeepAlive = false;
    throw err;
  }
}
async function* bytes(stream) {
  for await (const chunk of stream.iterator({ destroyOnReturn: false }))
    yield chunk instanceof Uint8Array ? chunk : new TextEncoder().encode(String(chunk));
}

export { nodeAdapterRequest, readNodeBody };
//# sourceMappingURL=chunk-MFUMBTD2.js.map
//# sourceMappingURL=chunk-MFUMBTD2.js.map