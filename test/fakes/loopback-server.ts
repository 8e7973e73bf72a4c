import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * What both platform fakes share: an HTTP server and a WebSocket endpoint on 127.0.0.1 (never
 * another address), a random free port, and a teardown that leaves no socket behind.
 */
export abstract class LoopbackServer {
  protected server!: Server;
  protected wss!: WebSocketServer;
  protected readonly sockets = new Set<WebSocket>();

  protected abstract route(req: IncomingMessage, res: ServerResponse): Promise<void>;
  protected abstract onSocket(socket: WebSocket): void;

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  protected async listen(webSocketPath: string): Promise<void> {
    this.server = createServer((req, res) => void this.route(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: webSocketPath });
    this.wss.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      this.onSocket(socket);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  protected static async readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}
