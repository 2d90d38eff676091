import { createServer, type RequestListener, type Server } from 'node:http';

/**
 * A server on a free loopback port whose listener is set later, once the app (which needs the URL) is
 * built; until then it answers 503.
 */
export async function listenOnLoopback(): Promise<{
  server: Server;
  url: string;
  use(listener: RequestListener): void;
  close(): Promise<void>;
}> {
  let listener: RequestListener = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    server,
    url: `http://127.0.0.1:${address.port}`,
    use: (next) => void (listener = next),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
