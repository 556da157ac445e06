import { once } from 'node:events';
import { createConnection, createServer, type Socket } from 'node:net';

/** Network faults a camera's link suffers, put between the recorder and an RTSP server. */
export type LinkFault = 'drop' | 'stall' | 'refuse' | 'recover';

export interface TcpProxy {
  port: number;
  /** TCP connections accepted so far (each recorder connection attempt is one). */
  connections(): number;
  fault(kind: LinkFault): void;
  close(): Promise<void>;
}

/**
 * A TCP relay on a free loopback port. `drop` cuts every open connection; `stall` stops passing
 * the server's bytes while keeping the sockets open (a camera that hangs); `refuse` closes every
 * connection, now and new; `recover` undoes them.
 */
export async function startTcpProxy(upstreamPort: number, host = '127.0.0.1'): Promise<TcpProxy> {
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  let accepted = 0;
  let stalled = false;
  let refusing = false;
  const server = createServer((client) => {
    accepted++;
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = createConnection(upstreamPort, host);
    const pair = { client, upstream };
    pairs.add(pair);
    client.pipe(upstream);
    upstream.on('data', (data: Buffer) => {
      if (!stalled) client.write(data);
    });
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    // A reset is how a camera link ends here; the close that follows is what matters.
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  server.listen(0, host);
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const cut = () => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
  };
  return {
    port,
    connections: () => accepted,
    fault(kind) {
      if (kind === 'drop') cut();
      if (kind === 'stall') stalled = true;
      if (kind === 'refuse') {
        refusing = true;
        cut();
      }
      if (kind === 'recover') {
        stalled = false;
        refusing = false;
      }
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
