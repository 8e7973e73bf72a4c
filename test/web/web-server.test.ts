import { describe, expect, it } from 'vitest';
import { createWebApp } from '../../adapters/web/web-app.js';
import { startWebServer, stopWebServer } from '../../adapters/web/web-server.js';
import type { HealthReport } from '../../src/health/health.js';
import { collectInsights } from '../../src/insights/collect-insights.js';
import { createCorpusStatus } from '../../src/insights/corpus-status.js';
import { createLogger } from '../../src/log/logger.js';
import { openDatabase } from '../../src/store/database.js';
import { seedEngine } from '../helpers/engine.js';

describe('the pages on a server of their own', () => {
  it('/healthz reports the bot’s health check, 503 with why when it cannot answer, to GET and HEAD', async () => {
    const engine = await seedEngine();
    const db = openDatabase(':memory:');
    const corpus = createCorpusStatus();
    const web = createWebApp({ engine, corpus, logger: createLogger({ level: 'silent' }), insights: () => collectInsights({ db, index: engine.index, corpus }) });
    let report: HealthReport = { ok: true, failing: {} };
    const server = await startWebServer(web, { port: 0, host: '127.0.0.1', health: () => report });
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/healthz`;
    try {
      const ok = await fetch(url);
      expect(ok.status).toBe(200);
      // As every page: no browser sniffs /healthz into something it is not.
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
      report = { ok: false, failing: { answer: 'answering fails: index gone' } };
      const sick = await fetch(url);
      expect(sick.status).toBe(503);
      expect(sick.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await sick.json()).toEqual(report);
      expect((await fetch(url, { method: 'HEAD' })).status).toBe(503);
    } finally {
      server.closeAllConnections();
      await stopWebServer(server);
      db.close();
    }
  });
});
