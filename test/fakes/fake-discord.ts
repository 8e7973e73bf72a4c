import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import { LoopbackServer } from './loopback-server.js';

/**
 * A small stand-in for Discord: the REST routes the bot calls and a gateway WebSocket, on
 * 127.0.0.1. It drives the real discord.js Client; nothing of discord.js is mocked. It applies
 * Discord's rules that the bot depends on: MESSAGE_CREATE only with the GuildMessages intent,
 * and message content only for mentions of the bot or DMs unless MessageContent was asked for.
 */
/** A Discord user as the fake sends it. */
export interface FakeUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: any;
}

const INTENTS = { Guilds: 1 << 0, GuildMessages: 1 << 9, DirectMessages: 1 << 12, MessageContent: 1 << 15 };

let nextId = 900_000_000_000_000_000n;
export const snowflake = (): string => String(nextId++);

export class FakeDiscord extends LoopbackServer {
  readonly requests: RecordedRequest[] = [];
  readonly bot = { id: '100000000000000001', username: 'grok-facts', discriminator: '0', bot: true, global_name: null, avatar: null };
  readonly appId = '200000000000000002';
  readonly guildId = '300000000000000003';
  readonly channelId = '400000000000000004';
  readonly dmChannelId = '400000000000000005';
  /** A channel where @everyone (and so the bot) may not send messages. */
  readonly lockedChannelId = '400000000000000006';
  /** Channels the bot has been removed from: sends there fail with Missing Access. */
  readonly noAccess = new Set<string>();
  readonly user: FakeUser = { id: '500000000000000005', username: 'alice', discriminator: '0', global_name: 'Alice', avatar: null };
  identify: any;
  /** Answer a route with a failure on purpose, e.g. to prove the bot survives it. */
  failNext: ((r: RecordedRequest) => boolean) | undefined;
  /** Turn every token down, as Discord does a wrong or reset one (401 on the gateway lookup). */
  rejectTokens = false;

  private seq = 0;
  private readonly messages = new Map<string, any>();
  private waiters: { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  start(): Promise<void> {
    return this.listen('/gateway');
  }

  /** Resolves with the first request (past or future) that matches. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake discord: expected request never came')), timeoutMs);
      this.waiters.push({ predicate, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  // --- gateway -------------------------------------------------------------------------

  protected onSocket(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw));
      if (packet.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        this.identify = packet.d;
        this.send(socket, 'READY', {
          v: 10,
          user: this.bot,
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          application: { id: this.appId, flags: 0 },
          shard: [0, 1],
        });
        this.send(socket, 'GUILD_CREATE', this.guild());
      }
    });
  }

  private send(socket: WebSocket, t: string, d: unknown): void {
    socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  dispatch(t: string, d: unknown): void {
    for (const socket of this.sockets) this.send(socket, t, d);
  }

  get connected(): boolean {
    return [...this.sockets].some((s) => s.readyState === s.OPEN);
  }

  private guild() {
    return {
      id: this.guildId,
      name: 'Launch Watchers',
      icon: null,
      owner_id: this.user.id,
      unavailable: false,
      joined_at: new Date().toISOString(),
      large: false,
      member_count: 2,
      features: [],
      emojis: [],
      stickers: [],
      members: [],
      voice_states: [],
      presences: [],
      threads: [],
      stage_instances: [],
      guild_scheduled_events: [],
      // @everyone: View Channel, Send Messages, Embed Links, Read Message History.
      roles: [{ id: this.guildId, name: '@everyone', permissions: String((1 << 10) | (1 << 11) | (1 << 14) | (1 << 16)), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: [
        { id: this.channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: this.guildId },
        { id: this.lockedChannelId, type: 0, name: 'announcements', position: 1, permission_overwrites: [{ id: this.guildId, type: 0, allow: '0', deny: String(1 << 11) }], guild_id: this.guildId },
      ],
    };
  }

  // --- events the tests send ----------------------------------------------------------

  private interactionBase(type: number, data: unknown, extra: Record<string, unknown> = {}) {
    const id = snowflake();
    const token = `itoken-${id}`;
    this.dispatch('INTERACTION_CREATE', {
      id,
      token,
      type,
      application_id: this.appId,
      version: 1,
      data,
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: { id: this.channelId, type: 0, guild_id: this.guildId, name: 'general' },
      member: { user: this.user, roles: [], permissions: '2147483647', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      app_permissions: '2147483647',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      ...extra,
    });
    return { id, token };
  }

  slashCommand(name: string, options: { name: string; type: number; value?: unknown; options?: unknown[] }[], extra: { memberPermissions?: string; resolvedChannels?: string[] } = {}) {
    const resolved = extra.resolvedChannels
      ? { channels: Object.fromEntries(extra.resolvedChannels.map((id) => [id, { id, type: 0, name: id === this.lockedChannelId ? 'announcements' : 'general', permissions: '2147483647', guild_id: this.guildId }])) }
      : undefined;
    const member = extra.memberPermissions === undefined ? {} : { member: { user: this.user, roles: [], permissions: extra.memberPermissions, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } };
    return this.interactionBase(2, { id: snowflake(), name, type: 1, options, ...(resolved ? { resolved } : {}) }, member);
  }

  autocomplete(name: string, focused: string, value: string) {
    return this.interactionBase(4, { id: snowflake(), name, type: 1, options: [{ name: focused, type: 3, value, focused: true }] });
  }

  buttonClick(customId: string, messageId: string) {
    const message = this.messages.get(messageId) ?? { id: messageId, channel_id: this.channelId, author: this.bot, content: '', embeds: [], components: [], timestamp: new Date().toISOString(), type: 0 };
    return this.interactionBase(3, { custom_id: customId, component_type: 2 }, { message });
  }

  /** A message as Discord would deliver it to this bot, content withheld where Discord withholds it. */
  message(options: { content: string; mentionsBot?: boolean; author?: FakeUser & { bot?: boolean }; dm?: boolean; replyTo?: string; mentionEveryone?: boolean }): string {
    const intents = Number(this.identify?.intents ?? 0);
    const dm = options.dm ?? false;
    if (!dm && !(intents & INTENTS.GuildMessages)) return '';
    if (dm && !(intents & INTENTS.DirectMessages)) return '';
    const showContent = dm || options.mentionsBot || (intents & INTENTS.MessageContent) !== 0;
    const id = snowflake();
    const referenced = options.replyTo ? this.messages.get(options.replyTo) : undefined;
    const payload: Record<string, unknown> = {
      id,
      channel_id: dm ? this.dmChannelId : this.channelId,
      // Discord sends the channel's type with every MESSAGE_CREATE; discord.js needs it to build an uncached DM channel.
      channel_type: dm ? 1 : 0,
      author: options.author ?? this.user,
      content: showContent ? options.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: options.mentionEveryone ?? false,
      mentions: options.mentionsBot ? [this.bot] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: options.replyTo ? 19 : 0,
      ...(dm ? {} : { guild_id: this.guildId, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }),
      ...(options.replyTo ? { message_reference: { message_id: options.replyTo, channel_id: this.channelId, guild_id: this.guildId }, referenced_message: referenced ?? null } : {}),
    };
    this.messages.set(id, payload);
    this.dispatch('MESSAGE_CREATE', payload);
    return id;
  }

  /** Messages the fake holds in a channel (what people would see). */
  storedMessagesIn(channelId: string): any[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId && m.author?.id === this.bot.id);
  }

  /** The message the bot posted in reply to `messageId`, as stored by the fake. */
  botReplyTo(messageId: string): { id: string; embeds: any[] } | undefined {
    return [...this.messages.values()].find((m) => m.author?.id === this.bot.id && m.message_reference?.message_id === messageId);
  }

  // --- REST ----------------------------------------------------------------------------

  protected async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = await LoopbackServer.readBody(req);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      headers: req.headers,
      body: text && (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text,
    };
    this.requests.push(recorded);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(recorded)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
    }
    const json = (status: number, body?: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (this.failNext?.(recorded)) {
      this.failNext = undefined;
      json(500, { message: 'Internal Server Error', code: 0 });
      return;
    }
    const { method, path } = recorded;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      if (this.rejectTokens) return json(401, { message: '401: Unauthorized', code: 0 });
      return json(200, { url: `ws://127.0.0.1:${this.port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (method === 'GET' && path === '/gateway') return json(200, { url: `ws://127.0.0.1:${this.port}/gateway` });
    if (method === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) return json(204);
    if ((m = /^\/webhooks\/[^/]+\/[^/]+\/messages\/@original$/.exec(path)) && method === 'PATCH') return json(200, this.storeMessage(recorded.body, this.channelId));
    if ((m = /^\/webhooks\/[^/]+\/[^/]+$/.exec(path)) && method === 'POST') return json(200, this.storeMessage(recorded.body, this.channelId));
    if ((m = /^\/channels\/([^/]+)\/messages$/.exec(path)) && method === 'POST') {
      if (this.noAccess.has(m[1]!)) return json(403, { message: 'Missing Access', code: 50001 });
      // Like Discord: with enforce_nonce, a second message with the same nonce returns the first instead.
      const body = recorded.body as { nonce?: string; enforce_nonce?: boolean };
      const earlier = body?.enforce_nonce && body.nonce ? [...this.messages.values()].find((x) => x.channel_id === m![1] && x.nonce === body.nonce) : undefined;
      return json(200, earlier ?? this.storeMessage(recorded.body, m[1]!));
    }
    if ((m = /^\/guilds\/([^/]+)\/members\/([^/]+)$/.exec(path)) && method === 'GET') {
      const user = m[2] === this.bot.id ? this.bot : this.user;
      return json(200, { user, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 });
    }
    if ((m = /^\/channels\/([^/]+)\/messages\/([^/]+)$/.exec(path)) && method === 'GET') {
      const message = this.messages.get(m[2]!);
      return message ? json(200, message) : json(404, { message: 'Unknown Message', code: 10008 });
    }
    if ((m = /^\/channels\/([^/]+)$/.exec(path)) && method === 'GET') {
      if (this.noAccess.has(m[1]!)) return json(403, { message: 'Missing Access', code: 50001 });
      return json(200, m[1] === this.dmChannelId ? { id: this.dmChannelId, type: 1, recipients: [this.user] } : { id: m[1], type: 0, guild_id: this.guildId, name: 'general', permission_overwrites: [] });
    }
    if (/^\/applications\/[^/]+(\/guilds\/[^/]+)?\/commands$/.test(path) && method === 'PUT') {
      return json(200, (recorded.body as unknown[]).map((c) => ({ ...(c as object), id: snowflake(), application_id: this.appId, version: snowflake() })));
    }
    json(404, { message: `fake discord: no route ${method} ${path}`, code: 0 });
  }

  private storeMessage(body: any, channelId: string) {
    const message = {
      id: snowflake(),
      channel_id: channelId,
      author: this.bot,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: body?.message_reference ? 19 : 0,
      flags: body?.flags ?? 0,
      ...(body?.nonce ? { nonce: body.nonce } : {}),
      ...(body?.message_reference ? { message_reference: body.message_reference } : {}),
    };
    this.messages.set(message.id, message);
    return message;
  }
}
