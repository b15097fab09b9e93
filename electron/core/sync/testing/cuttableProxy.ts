import net from 'node:net';

export interface CuttableProxy {
  /** http://127.0.0.1:<port>, to use instead of the server's own URL. */
  readonly url: string;
  readonly port: number;
  /** Bytes relayed from the server to clients so far. */
  readonly bytesDown: number;
  /** Bytes relayed from clients to the server so far. */
  readonly bytesUp: number;
  /** The network goes away: open connections are reset and new ones refused until restore(). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a test server, so a test can take the network away in the middle of a
 * replication and give it back, while the server and its data carry on untouched.
 */
export async function startCuttableProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<CuttableProxy> {
  const sockets = new Set<net.Socket>();
  let cut = false;
  let bytesDown = 0;
  let bytesUp = 0;
  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };
  const server = net.createServer((client) => {
    track(client);
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, targetHost);
    track(upstream);
    upstream.on('data', (chunk: Buffer) => {
      bytesDown += chunk.length;
    });
    client.on('data', (chunk: Buffer) => {
      bytesUp += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const hangUp = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', hangUp);
    upstream.on('close', hangUp);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get bytesDown() {
      return bytesDown;
    },
    get bytesUp() {
      return bytesUp;
    },
    cut() {
      cut = true;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    restore() {
      cut = false;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
