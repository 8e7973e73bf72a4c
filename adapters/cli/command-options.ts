import type { CommandName } from './command-names.js';

/**
 * Which options and arguments each command takes. parseArgs knows only the union of all of them, so
 * without this `ask --days 3` or `chat --json` ran as if the option weren't there: a person who typed
 * it expected it to do something, and is better told it doesn't apply.
 */
const TAKES: Record<CommandName, { options: readonly string[]; args: 'none' | 'some' }> = {
  chat: { options: [], args: 'none' },
  ask: { options: ['json', 'stdin'], args: 'some' },
  sources: { options: ['json'], args: 'none' },
  digest: { options: ['date', 'json'], args: 'none' },
  reload: { options: [], args: 'none' },
  add: { options: ['force', 'json'], args: 'some' },
  report: { options: ['days', 'json'], args: 'none' },
  eval: { options: ['verbose', 'baseline', 'json', 'min-hit1', 'min-hit3', 'min-abstain', 'max-false-abstain', 'min-conflicts'], args: 'some' },
};

/** The first misplaced option or argument, said as one line (main.ts adds the pointer to --help), or undefined. */
export function misplacedInput(command: CommandName, given: readonly string[], args: readonly string[]): string | undefined {
  const takes = TAKES[command];
  const stray = given.find((option) => !takes.options.includes(option));
  if (stray !== undefined) {
    return takes.options.length === 0
      ? `${command} takes no options (--${stray} given)`
      : `${command} does not take --${stray}; it takes ${takes.options.map((o) => `--${o}`).join(', ')}`;
  }
  if (takes.args === 'none' && args.length > 0) return `${command} takes no arguments ("${args[0]}" given)`;
  if (command === 'ask' && given.includes('stdin') && args.length > 0) return 'ask --stdin reads its questions from standard input; give either --stdin or a question';
  return undefined;
}
