import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { BotCore } from '../../src/bot/bot-core.js';
import type { DigestSender } from '../../src/digest/scheduler.js';
import type { Logger } from '../../src/log/logger.js';
import type { HealthReport } from '../../src/health/health.js';
import { sendHealth } from '../shared/health-response.js';
import { InFlight } from '../../src/lifecycle/in-flight.js';
import { RecentAnswers } from '../shared/recent-answers.js';
import type { CitationLinker } from '../shared/citation-link.js';
import type { SlackContext } from './context.js';
import { createSlackDigestSender } from './digest-sender.js';
import { registerListeners } from './listeners/index.js';
import { SeenEvents } from './seen-events.js';
import { checkTokens, rejectedToken, SlackConfigError } from './check-tokens.js';

export { SlackConfigError };

export interface SlackAppOptions {
  core: BotCore;
  logger: Logger;
  botToken: string;
  /** HTTP mode: Bolt verifies every request's signature with it. */
  signingSecret?: string;
  /** Socket Mode (no public URL needed) when set. */
  appToken?: string;
  /** How long Socket Mode may take to connect before the start fails (SLACK_CONNECT_TIMEOUT_SECONDS). */
  connectTimeoutMs?: number;
  port?: number;
  host?: string;
  /** Web API base, e.g. a local fake's `http://127.0.0.1:PORT/api/`; Slack's own when absent. */
  apiUrl?: string;
  /** What `/healthz` reports (HTTP mode); 200 "ok" when absent. */
  health?: () => HealthReport;
  /** Requests are handled through it, so shutdown can wait for them; new ones are refused once it closes. */
  inFlight?: InFlight;
  /** Links each citation to its web page (PUBLIC_URL). */
  citationLink?: CitationLinker;
  /** More routes for the HTTP receiver (the web pages), served on the same port as /slack/events. */
  customRoutes?: { path: string; method: string[]; handler: (req: IncomingMessage, res: ServerResponse) => void }[];
}

export interface SlackApp {
  app: App;
  mode: 'socket' | 'http';
  digestSender: DigestSender;
  /** Resolves once serving; in HTTP mode with the listening server. */
  start(): Promise<Server | undefined>;
  stop(): Promise<void>;
}

/** Bolt's own log lines go through our logger, so they are structured and redacted too. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const join = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: (...m) => logger.debug(join(m), { source: 'bolt' }),
    info: (...m) => logger.info(join(m), { source: 'bolt' }),
    warn: (...m) => logger.warn(join(m), { source: 'bolt' }),
    error: (...m) => logger.error(join(m), { source: 'bolt' }),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const socket = Boolean(options.appToken);
  if (!socket && !options.signingSecret) {
    throw new SlackConfigError('SLACK_SIGNING_SECRET is required for the HTTP receiver (or set SLACK_APP_TOKEN to use Socket Mode)');
  }
  const common = {
    token: options.botToken,
    // Bolt checks the token (auth.test) as it is constructed, and a rejection there is a promise
    // nobody awaits: the process dies with a stack trace. Deferred, start() awaits it and says why.
    deferInitialization: true,
    logger: boltLogger(options.logger),
    clientOptions: options.apiUrl ? { slackApiUrl: options.apiUrl } : {},
  };
  const app = socket
    ? new App({ ...common, appToken: options.appToken, socketMode: true })
    : new App({
        ...common,
        signingSecret: options.signingSecret!,
        customRoutes: [
          {
            path: '/healthz',
            method: ['GET', 'HEAD'],
            handler: (_req, res) => sendHealth(res, options.health?.() ?? { ok: true, failing: {} }),
          },
          ...(options.customRoutes ?? []),
        ],
      });

  const ctx: SlackContext = { core: options.core, logger: options.logger, recent: new RecentAnswers(), link: options.citationLink };
  // Every request gets an id, carried by its log lines (listeners log through context.logger).
  const inFlight = options.inFlight ?? new InFlight();
  app.use(async ({ next, body, context }) => {
    const requestId = randomUUID().slice(0, 8);
    const logger = options.logger.child({ requestId, platform: 'slack' });
    context.logger = logger;
    const started = performance.now();
    try {
      const run = inFlight.run(() => next());
      if (!run) logger.info('slack request refused: shutting down');
      await run;
    } finally {
      const b = body as { type?: string; command?: string; event?: { type?: string } };
      logger.info('slack event', { kind: b.command ?? b.event?.type ?? b.type ?? 'unknown', ms: Math.round(performance.now() - started) });
    }
  });
  // Slack re-delivers an event it thinks was missed; Bolt has already acknowledged this one, so
  // a repeat is simply not handed to the listeners again.
  const seen = new SeenEvents();
  app.use(async ({ next, body, context }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !seen.firstTime(eventId)) {
      (context.logger as Logger).info('slack retry ignored: already answered', { eventId, retryNum: context.retryNum, retryReason: context.retryReason });
      return;
    }
    await next();
  });
  registerListeners(app, ctx);
  // A listener that throws anyway is logged here; Bolt keeps serving.
  app.error(async (error) => {
    options.logger.error('slack listener error', { error });
  });

  return {
    app,
    mode: socket ? 'socket' : 'http',
    digestSender: createSlackDigestSender(app.client, options.citationLink),
    async start() {
      await checkTokens({ botToken: options.botToken, appToken: options.appToken, apiUrl: options.apiUrl, logger: boltLogger(options.logger) });
      await app.init().catch((error: unknown) => {
        throw rejectedToken(error, 'SLACK_BOT_TOKEN');
      });
      if (socket) {
        // Bolt's Socket Mode client retries a connection that never says hello for ever, and its
        // start waits with it: the bot looked starting, answered no one, and held a stop signal
        // until killed (seen in CI). A deadline turns that into a start that fails, saying why.
        const timeoutMs = options.connectTimeoutMs ?? 30_000;
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new SlackConfigError(`Slack Socket Mode did not connect within ${timeoutMs / 1000} s — check that SLACK_APP_TOKEN is an app-level token with connections:write and that this machine can reach wss-primary.slack.com`)),
            timeoutMs,
          );
        });
        try {
          await Promise.race([
            app.start().catch((error: unknown) => {
              throw rejectedToken(error, 'SLACK_APP_TOKEN');
            }),
            deadline,
          ]);
        } finally {
          clearTimeout(timer);
        }
        options.logger.info('slack started', { mode: 'socket' });
        return undefined;
      }
      const server = (await app.start({ port: options.port ?? 3000, host: options.host })) as Server;
      const address = server.address();
      options.logger.info('slack started', { mode: 'http', port: typeof address === 'object' && address ? address.port : options.port, path: '/slack/events' });
      return server;
    },
    async stop() {
      await app.stop();
    },
  };
}
