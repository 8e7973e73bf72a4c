import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../adapters/discord/bot.js';
import { citationLinker } from '../../adapters/shared/citation-link.js';
import { createLogger } from '../../src/log/logger.js';
import { FakeDiscord, type RecordedRequest } from '../fakes/fake-discord.js';
import { seedEngine } from '../helpers/engine.js';
import { startWebFixture, type WebFixture } from '../helpers/web.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.fake-discord.token-for-links-only-xyz';
const fake = new FakeDiscord();
let web: WebFixture;
let bot: DiscordBot;

beforeAll(async () => {
  await fake.start();
  web = await startWebFixture(await seedEngine());
  bot = createDiscordBot({ core: web.core, logger: createLogger({ level: 'silent' }), token: TOKEN, apiBase: fake.apiBase, rest: { retries: 0, timeout: 5000 }, citationLink: citationLinker(web.base) });
  const ready = once(bot.client, 'clientReady');
  await bot.start();
  await ready;
});

afterAll(async () => {
  await bot.stop();
  await fake.close();
  await web.close();
});

const linkButtons = (components: { components: { style: number; url?: string; label?: string }[] }[]) => components.flatMap((row) => row.components.filter((b) => b.style === 5));

describe('Discord answers link each citation to its page when PUBLIC_URL is set', () => {
  it('through the real discord.js client: link buttons that open the passage highlighted', async () => {
    const { id } = fake.slashCommand('grok-facts', [{ name: 'question', type: 3, value: 'How many parameters does Grok V9 Medium have?' }]);
    const callback = await fake.waitForRequest((r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`));
    const buttons = linkButtons(callback.body.data.components);
    expect(buttons.length).toBe(callback.body.data.embeds[0].fields.length);
    // The same marker as in the answer text and the source fields.
    expect(buttons[0]!.label).toBe('[#1] Read in context');
    const page = await (await fetch(buttons[0]!.url!)).text();
    expect(page).toContain('<mark id="passage"');
    // The feedback buttons are still there, in their own row.
    expect(callback.body.data.components.at(-1).components.map((b: { custom_id: string }) => b.custom_id.split(':')[1])).toEqual(['up', 'down']);
  });

  it('on mentions too', async () => {
    const messageId = fake.message({ content: `<@${fake.bot.id}> Where is the Colossus supercomputer?`, mentionsBot: true });
    const reply = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages` && r.body?.message_reference?.message_id === messageId);
    const buttons = linkButtons(reply.body.components);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons[0]!.url).toMatch(new RegExp(`^${web.base}/sources/[^?]+\\?at=\\d+-\\d+#passage$`));
  });
});
