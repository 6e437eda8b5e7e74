import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (port 0 picks a free one) and closes without waiting for idle keep-alive
 * sockets, so tests and Ctrl-C never hang on a client that keeps a connection open.
 */
export function listen(
  app: Express | http.RequestListener,
  port: number,
  host = '127.0.0.1',
): Promise<RunningServer> {
  const server = http.createServer(app);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
            setTimeout(() => sockets.forEach((socket) => socket.destroy()), 1000).unref();
          }),
      });
    });
  });
}
