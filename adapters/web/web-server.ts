import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HealthReport } from '../../src/health/health.js';
import { sendHealth } from '../shared/health-response.js';
import type { WebApp } from './web-app.js';

/** Every method a browser or a probe may send: whatever Bolt does not serve itself is the pages'. */
const ANY_METHOD = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * The pages as Bolt HTTPReceiver custom routes, so Slack's /slack/events and the pages share PORT.
 * One catch-all route (path-to-regexp's optional wildcard) hands find-my-way every request Bolt's
 * own endpoints and /healthz do not take: unknown paths get the pages' 404, with their headers,
 * instead of Bolt's bare one, which also logs the URL it was given.
 */
export function boltCustomRoutes(web: WebApp): { path: string; method: string[]; handler: (req: IncomingMessage, res: ServerResponse) => void }[] {
  return [{ path: '{/*path}', method: ANY_METHOD, handler: (req, res) => web.handle(req, res) }];
}

/** The pages on a server of their own, when Slack does not run over HTTP; /healthz as Bolt's does (503 with why when the bot cannot answer). */
export async function startWebServer(web: WebApp, options: { port: number; host?: string; health?: () => HealthReport }): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendHealth(res, options.health?.() ?? { ok: true, failing: {} });
      return;
    }
    web.handle(req, res);
  });
  // Slow or idle clients are dropped rather than held open.
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export function stopWebServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
