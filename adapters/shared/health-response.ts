import type { ServerResponse } from 'node:http';
import type { HealthReport } from '../../src/health/health.js';

/**
 * /healthz's answer, one writer for Bolt's receiver and the pages' own server: 200 "ok", or 503
 * with why. `nosniff` as every page sends it, so a browser never reads the JSON as something else.
 */
export function sendHealth(res: ServerResponse, report: HealthReport): void {
  res.writeHead(report.ok ? 200 : 503, {
    'content-type': report.ok ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'x-content-type-options': 'nosniff',
  });
  res.end(report.ok ? 'ok' : JSON.stringify(report));
}
