/**
 * Reads a console-chat line as one of the chat's own commands. People type "quit please", "how
 * do I quit?", "help?" or "bye" as often as the bare word; sent to the engine those get "…quite
 * clear" (Porter2 stems "quite" to "quit") or "not in my sources". So a short line made only of
 * one command word and filler counts as that command. This lives in the console adapter: the
 * engine answers questions and must not learn one adapter's commands.
 */
import { ownEntry } from '../../src/text/own-entry.js';

export type ChatCommand = 'quit' | 'help' | 'sources';

const COMMAND_WORDS: Record<string, ChatCommand> = {
  quit: 'quit',
  exit: 'quit',
  q: 'quit',
  bye: 'quit',
  goodbye: 'quit',
  help: 'help',
  sources: 'sources',
};

/** Words that carry no meaning of their own around a command ("how do I quit", "sources please"). */
const FILLER = new Set(
  ('please pls plz now thanks thank you ok okay just then so well hi hey ' +
    'how do does can could would i me my we to the a an this chat app bot ' +
    'what are is show list give see type command want let get need all your ' +
    'and for with it out here').split(' '),
);

/** A longer line is a sentence, however many filler words it holds: it goes to the engine. */
const MAX_WORDS = 6;

export function chatCommand(line: string): ChatCommand | undefined {
  const text = line.trim().toLowerCase();
  if (text === '?' || text === '/?') return 'help';
  // Punctuation, emoji and a leading slash or colon (/quit, :q) are filler too.
  const words = text.replace(/[^\p{L}\p{N}\s']/gu, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  const meaningful = words.filter((w) => !FILLER.has(w));
  if (meaningful.length !== 1) return undefined;
  return ownEntry(COMMAND_WORDS, meaningful[0]!);
}
