import type { IncomingMessage, ServerResponse } from 'node:http';
import Router from 'find-my-way';
import type { Engine } from '../../src/engine/engine.js';
import type { CorpusStatus } from '../../src/insights/corpus-status.js';
import type { Insights } from '../../src/insights/schema.js';
import type { Logger } from '../../src/log/logger.js';
import { articleLayout } from '../../src/reading/article-layout.js';
import { createAdminSessions, createLoginLimiter, type LoginLimiter } from './admin-sessions.js';
import { adminPage, loginPage } from './pages/admin-page.js';
import { articlePage } from './pages/article-page.js';
import { notFoundPage, page } from './pages/layout.js';
import { sourcesPage } from './pages/sources-page.js';
import { html } from './html.js';
import { cookie, FormTooLarge, randomToken, readCookie, readForm, sameSecret, securityHeaders } from './security.js';
import { SITE_CSS } from './site-css.js';

export interface WebAppOptions {
  engine: Engine;
  corpus: CorpusStatus;
  /** The admin page's data, read fresh on each view. */
  insights: () => Insights;
  logger: Logger;
  /** Enables /admin; without it /admin is a 404. */
  adminToken?: string;
  /** Where people reach the pages; an https URL makes the session cookie Secure. */
  publicUrl?: string;
  loginLimiter?: LoginLimiter;
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string | undefined>) => void | Promise<void>;

/** A page's method and path pattern, as find-my-way routes it. */
interface WebRoute {
  method: 'GET' | 'POST';
  path: string;
}

const SESSION_COOKIE = 'gf_admin';
const LOGIN_CSRF_COOKIE = 'gf_login';

export interface WebApp {
  /** Serves one request: a page, or a 404 for anything else. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

function send(res: ServerResponse, status: number, body: string, options: { private?: boolean; type?: string; headers?: Record<string, string | string[]> } = {}): void {
  securityHeaders(res, { private: options.private });
  for (const [k, v] of Object.entries(options.headers ?? {})) res.setHeader(k, v);
  res.writeHead(status, { 'Content-Type': options.type ?? 'text/html; charset=utf-8' });
  res.end(body);
}

export function createWebApp(options: WebAppOptions): WebApp {
  const { engine, logger, adminToken } = options;
  const secure = options.publicUrl?.startsWith('https://') ?? false;
  const sessions = createAdminSessions();
  const limiter = options.loginLimiter ?? createLoginLimiter();
  const sessionOf = (req: IncomingMessage) => sessions.find(readCookie(req, SESSION_COOKIE));
  const notFound = (res: ServerResponse, what = 'There is no page here.') => send(res, 404, notFoundPage(what));

  const loginForm = (res: ServerResponse, status: number, message?: string) => {
    // The login form carries a token that must match a cookie of its own: another site cannot post it.
    const csrf = randomToken();
    send(res, status, loginPage(csrf, message), {
      private: true,
      headers: { 'Set-Cookie': cookie(LOGIN_CSRF_COOKIE, csrf, { secure, path: '/admin', maxAgeSeconds: 3600 }) },
    });
  };

  const routes: [WebRoute, Handler][] = [
    [{ method: 'GET', path: '/' }, (_req, res) => send(res, 303, '', { headers: { Location: '/sources' } })],
    [{ method: 'GET', path: '/static/site.css' }, (_req, res) => send(res, 200, SITE_CSS, { type: 'text/css; charset=utf-8', headers: { 'Cache-Control': 'public, max-age=3600' } })],
    [{ method: 'GET', path: '/sources' }, (_req, res) => send(res, 200, sourcesPage(engine.sources(), options.corpus.health(engine.index).skipped))],
    [
      { method: 'GET', path: '/sources/:source' },
      (req, res, params) => {
        const at = new URL(req.url ?? '/', 'http://localhost').searchParams.get('at') ?? undefined;
        // Pages come from the index only: a name that is not an article (../ included) reads nothing.
        const layout = articleLayout(engine.index, params['source'] ?? '', at);
        if (!layout) return notFound(res, 'No article by that name is in the corpus.');
        send(res, 200, articlePage(layout));
      },
    ],
    [
      { method: 'GET', path: '/admin' },
      (req, res) => {
        if (!adminToken) return notFound(res);
        const session = sessionOf(req);
        if (!session) return loginForm(res, 200);
        send(res, 200, adminPage(options.insights(), session.csrf), { private: true });
      },
    ],
    [
      { method: 'POST', path: '/admin/login' },
      async (req, res) => {
        if (!adminToken) return notFound(res);
        const client = req.socket.remoteAddress ?? 'unknown';
        const wait = limiter.retryAfterSeconds(client);
        if (wait > 0) {
          res.setHeader('Retry-After', String(wait));
          return loginForm(res, 429, `Too many failed attempts — try again in ${Math.ceil(wait / 60)} min.`);
        }
        const form = await readForm(req);
        const csrfCookie = readCookie(req, LOGIN_CSRF_COOKIE);
        if (!csrfCookie || !sameSecret(form.get('csrf') ?? '', csrfCookie)) return loginForm(res, 403, 'The form expired — please try again.');
        if (!limiter.check(form.get('token') ?? '', adminToken)) {
          limiter.recordFailure(client);
          logger.warn('admin login failed', { client });
          return loginForm(res, 401, 'That token is not right.');
        }
        const session = sessions.create();
        logger.info('admin logged in');
        send(res, 303, '', {
          private: true,
          headers: {
            Location: '/admin',
            'Set-Cookie': [
              cookie(SESSION_COOKIE, session.id, { secure, path: '/admin', maxAgeSeconds: sessions.maxAgeSeconds }),
              cookie(LOGIN_CSRF_COOKIE, '', { secure, path: '/admin', maxAgeSeconds: 0 }),
            ],
          },
        });
      },
    ],
    [
      { method: 'POST', path: '/admin/logout' },
      async (req, res) => {
        if (!adminToken) return notFound(res);
        const session = sessionOf(req);
        const form = await readForm(req);
        if (!session || !sameSecret(form.get('csrf') ?? '', session.csrf)) return send(res, 403, page('Forbidden', html`<h1>Forbidden</h1><p>That request was not sent by this page.</p><p><a href="/admin">Back to admin</a></p>`), { private: true });
        sessions.end(session.id);
        send(res, 303, '', { private: true, headers: { Location: '/admin', 'Set-Cookie': cookie(SESSION_COOKIE, '', { secure, path: '/admin', maxAgeSeconds: 0 }) } });
      },
    ],
  ];

  const router = Router({
    ignoreTrailingSlash: true,
    defaultRoute: (_req, res) => notFound(res),
    onBadUrl: (_path, _req, res) => notFound(res),
  });
  for (const [route, handler] of routes) {
    // find-my-way adds no HEAD of its own: a GET page answers HEAD too (Node sends no body for it).
    router.on(route.method === 'GET' ? ['GET', 'HEAD'] : route.method, route.path, (req, res, params) => {
      // One bad request never takes the server down, and never shows a stack trace.
      Promise.resolve()
        .then(() => handler(req, res, params as Record<string, string | undefined>))
        .catch((error: unknown) => {
          if (res.headersSent) return res.destroy();
          if (error instanceof FormTooLarge) return send(res, 413, page('Too large', html`<h1>That request is too large</h1>`));
          logger.error('web page failed', { path: route.path, error: (error as Error).message });
          send(res, 500, page('Error', html`<h1>Something went wrong</h1><p>Please try again.</p>`));
        });
    });
  }

  return {
    handle: (req, res) => router.lookup(req, res),
  };
}
