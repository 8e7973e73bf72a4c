import type { Server } from 'node:http';
import { createBotCore, type BotCore } from '../../src/bot/bot-core.js';
import type { Engine } from '../../src/engine/engine.js';
import { collectInsights } from '../../src/insights/collect-insights.js';
import { createCorpusStatus, type CorpusStatus } from '../../src/insights/corpus-status.js';
import { createLogger } from '../../src/log/logger.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { createWebApp } from '../../adapters/web/web-app.js';
import { startWebServer, stopWebServer } from '../../adapters/web/web-server.js';

export interface WebFixture {
  base: string;
  core: BotCore;
  db: Db;
  corpus: CorpusStatus;
  logs: string[];
  close(): Promise<void>;
}

/** The web pages over an engine and an in-memory database, on 127.0.0.1 and a free port. */
export async function startWebFixture(engine: Engine, options: { adminToken?: string; publicUrl?: string } = {}): Promise<WebFixture> {
  const db = openDatabase(':memory:');
  const core = createBotCore({ engine, db });
  const corpus = createCorpusStatus();
  const logs: string[] = [];
  const logger = createLogger({ secrets: options.adminToken ? [options.adminToken] : [], write: (l) => logs.push(l) });
  const web = createWebApp({ engine, corpus, logger, ...options, insights: () => collectInsights({ db, index: engine.index, corpus }) });
  const server: Server = await startWebServer(web, { port: 0, host: '127.0.0.1' });
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    core,
    db,
    corpus,
    logs,
    async close() {
      server.closeAllConnections();
      await stopWebServer(server);
      db.close();
    },
  };
}
