import { createServer, connect, type Server, type Socket } from 'node:net';

/** What the proxy does to the bytes between a client and its upstream. */
export type TcpFault = 'slow' | 'hang';

/**
 * A loopback TCP proxy in front of one upstream port, for faults below the protocol: `slow` delays
 * every chunk (both ways, in order) by `delayMs`; `hang` swallows every chunk. Clearing a fault resets
 * the connections it touched, as the end of a network partition would, so no held or late byte is
 * delivered afterwards.
 */
export class TcpProxy {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #fault: TcpFault | undefined;
  #delayMs = 0;

  private constructor(
    server: Server,
    readonly port: number,
  ) {
    this.#server = server;
  }

  /** Listens on a free loopback port and forwards to `upstreamPort`. */
  static async start(upstreamPort: number): Promise<TcpProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const proxy = new TcpProxy(server, address.port);
    server.on('connection', (downstream) => proxy.#pipe(downstream, upstreamPort));
    return proxy;
  }

  /** Sets (or with `undefined` clears) the fault for every connection, open or future. */
  setFault(fault: TcpFault | undefined, delayMs = 0): void {
    const touched = this.#fault !== undefined;
    this.#fault = fault;
    this.#delayMs = delayMs;
    if (fault === undefined && touched) for (const socket of this.#sockets) socket.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #pipe(downstream: Socket, upstreamPort: number): void {
    const upstream = connect(upstreamPort, '127.0.0.1');
    for (const socket of [downstream, upstream]) {
      this.#sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.#sockets.delete(socket);
        downstream.destroy();
        upstream.destroy();
      });
    }
    this.#forward(downstream, upstream);
    this.#forward(upstream, downstream);
  }

  /** Copies `from` to `to`, each chunk after the previous one and after the fault's delay. */
  #forward(from: Socket, to: Socket): void {
    let queue = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      const fault = this.#fault;
      if (fault === 'hang') return;
      const delay = fault === 'slow' ? this.#delayMs : 0;
      queue = queue.then(async () => {
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        if (!to.destroyed) to.write(chunk);
      });
    });
  }
}
