import { createHmac, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import { LoopbackServer } from './loopback-server.js';

/**
 * A small stand-in for Slack on 127.0.0.1: the Web API methods the bot calls, a sink for
 * `response_url`, and a Socket Mode WebSocket. It drives the real Bolt App; nothing of Bolt
 * is mocked. `signedRequest` signs an HTTP request exactly as Slack does.
 */
export interface SlackCall {
  method: string;
  params: Record<string, any>;
  headers: IncomingMessage['headers'];
}

export interface ResponseUrlPost {
  id: string;
  body: any;
}

export class FakeSlack extends LoopbackServer {
  readonly calls: SlackCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  readonly team = 'T0000001';
  readonly botUserId = 'UBOT00001';
  readonly botId = 'BBOT00001';
  readonly appId = 'A0000001';
  readonly channel = 'C0000001';
  readonly user = 'U0000USER';
  /** Method name → the Web API error its next call returns (e.g. not_in_channel), to prove the app handles it. */
  readonly failNext = new Map<string, string>();
  /** Answer a method with this HTTP status and no JSON (a 429 says Retry-After: 120), as a proxy or an outage would, until deleted. */
  readonly httpStatus = new Map<string, number>();

  private tsCounter = 1_700_000_000;
  private waiters: { check: () => unknown; resolve: (v: any) => void }[] = [];

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(): string {
    return `http://127.0.0.1:${this.port}/response/${randomUUID()}`;
  }

  nextTs(): string {
    return `${++this.tsCounter}.000100`;
  }

  start(): Promise<void> {
    return this.listen('/socket');
  }

  /** Accept Socket Mode connections but never say hello: a connection that hangs, as a broken proxy makes one. */
  silentSockets = false;

  protected onSocket(socket: WebSocket): void {
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      if (message.envelope_id) this.acks.push(message);
      this.notify();
    });
    if (this.silentSockets) return;
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: this.appId } }));
    this.notify();
  }

  get socketConnected(): boolean {
    return [...this.sockets].some((s) => s.readyState === s.OPEN);
  }

  /** Waits until `check` returns something truthy, re-checking whenever the fake sees traffic. */
  waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const now = check();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake slack: expected traffic never came')), timeoutMs);
      this.waiters.push({ check, resolve: (v) => (clearTimeout(timer), resolve(v)) });
    });
  }

  waitForCall(method: string, match: (c: SlackCall) => boolean = () => true): Promise<SlackCall> {
    return this.waitFor(() => this.calls.find((c) => c.method === method && match(c)));
  }

  waitForResponse(url: string): Promise<ResponseUrlPost> {
    const id = url.split('/').pop()!;
    return this.waitFor(() => this.responses.find((r) => r.id === id));
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      const value = waiter.check();
      if (value) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(value);
      }
    }
  }

  /** Sends a Socket Mode envelope and resolves with the app's acknowledgement. */
  async sendEnvelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: unknown, retryAttempt = 0): Promise<{ envelope_id: string; payload?: unknown }> {
    const envelope_id = randomUUID();
    const retry_reason = retryAttempt > 0 ? 'timeout' : '';
    for (const socket of this.sockets) socket.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type === 'slash_commands', retry_attempt: retryAttempt, retry_reason }));
    return this.waitFor(() => this.acks.find((a) => a.envelope_id === envelope_id));
  }

  // --- payloads as Slack sends them -------------------------------------------------------

  slashCommand(text: string, responseUrl = this.responseUrl()): Record<string, string> {
    return {
      token: 'verification-token', team_id: this.team, team_domain: 'launch', channel_id: this.channel, channel_name: 'general',
      user_id: this.user, user_name: 'alice', command: '/grok-facts', text, api_app_id: this.appId, is_enterprise_install: 'false',
      response_url: responseUrl, trigger_id: `trigger-${randomUUID()}`,
    };
  }

  mentionEvent(text: string, options: { threadTs?: string; botId?: string; ts?: string; edited?: boolean; user?: string } = {}) {
    const ts = options.ts ?? this.nextTs();
    return {
      token: 'verification-token',
      team_id: this.team,
      api_app_id: this.appId,
      type: 'event_callback',
      event_id: `Ev${randomUUID().slice(0, 8)}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: this.team, user_id: this.botUserId, is_bot: true, is_enterprise_install: false }],
      event: {
        type: 'app_mention', user: options.user ?? this.user, text, ts, channel: this.channel, event_ts: ts, team: this.team,
        ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
        ...(options.botId ? { bot_id: options.botId } : {}),
        ...(options.edited ? { edited: { user: this.user, ts: this.nextTs() } } : {}),
      },
    };
  }

  buttonClick(actionId: string, value: string, responseUrl = this.responseUrl()) {
    return {
      type: 'block_actions',
      user: { id: this.user, username: 'alice', team_id: this.team },
      api_app_id: this.appId,
      token: 'verification-token',
      container: { type: 'message', message_ts: this.nextTs(), channel_id: this.channel, is_ephemeral: true },
      trigger_id: `trigger-${randomUUID()}`,
      team: { id: this.team, domain: 'launch' },
      channel: { id: this.channel, name: 'general' },
      response_url: responseUrl,
      actions: [{ action_id: actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value, type: 'button', action_ts: this.nextTs() }],
    };
  }

  // --- HTTP ------------------------------------------------------------------------------

  protected async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await LoopbackServer.readBody(req);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ id: url.pathname.split('/').pop()!, body: JSON.parse(text || '{}') });
      json(200, { ok: true });
      this.notify();
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const params = parseParams(text, String(req.headers['content-type'] ?? ''));
    this.calls.push({ method, params, headers: req.headers });
    const status = this.httpStatus.get(method);
    if (status) {
      res.writeHead(status, status === 429 ? { 'retry-after': '120' } : {});
      res.end();
      this.notify();
      return;
    }
    const failure = this.failNext.get(method);
    if (failure) {
      this.failNext.delete(method);
      json(200, { ok: false, error: failure });
    } else {
      json(200, this.answer(method, params));
    }
    this.notify();
  }

  private answer(method: string, params: Record<string, any>): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://launch.slack.com/', team: 'Launch', user: 'grok-facts', team_id: this.team, user_id: this.botUserId, bot_id: this.botId, is_enterprise_install: false };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts: this.nextTs(), message: { text: params.text, bot_id: this.botId } };
      // Seen only by `user`; Slack answers with the ephemeral message's ts, not a channel message.
      case 'chat.postEphemeral':
        if (!params.channel || !params.user) return { ok: false, error: params.channel ? 'user_not_in_channel' : 'channel_not_found' };
        return { ok: true, message_ts: this.nextTs() };
      default:
        return { ok: true };
    }
  }
}

/** Form bodies carry nested values (blocks) as JSON strings; JSON bodies are taken as they are. */
function parseParams(text: string, contentType: string): Record<string, any> {
  if (!text) return {};
  if (contentType.includes('json')) return JSON.parse(text);
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    try {
      out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      out[key] = value;
    }
  }
  return out;
}

/** Signs a request body as Slack does: v0=HMAC-SHA256(secret, `v0:${timestamp}:${body}`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function signedRequest(
  url: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  secret: string,
  options: { timestamp?: number; signature?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp) };
  const signature = options.signature === undefined ? slackSignature(secret, timestamp, body) : options.signature;
  if (signature !== null) headers['x-slack-signature'] = signature;
  Object.assign(headers, options.headers);
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

export const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
