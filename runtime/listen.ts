import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** How long close() lets in-flight requests finish before cutting their connections. */
  drainTimeoutMs?: number;
}

/**
 * Listens on 127.0.0.1 (port 0 picks a free one). close() stops accepting, lets in-flight requests
 * finish (up to drainTimeoutMs), and closes idle keep-alive sockets at once, so tests and Ctrl-C
 * never hang on a client that keeps a connection open.
 */
export function listen(
  app: Express | http.RequestListener,
  port: number,
  host = '127.0.0.1',
  options: ListenOptions = {},
): Promise<RunningServer> {
  const drainTimeoutMs = options.drainTimeoutMs ?? 1000;
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
        httpServer: server,
        close: () =>
          new Promise<void>((done) => {
            if (!server.listening) return done();
            server.close(() => done());
            server.closeIdleConnections();
            setTimeout(() => sockets.forEach((socket) => socket.destroy()), drainTimeoutMs).unref();
          }),
      });
    });
  });
}
