/**
 * Every subcommand `grok-facts` takes (no command at all is the console chat, as is `chat`).
 * One list, so the CLI and the README test (every command is in the README's table) agree.
 */
export const COMMANDS = ['ask', 'sources', 'digest', 'reload', 'add', 'report', 'eval', 'chat'] as const;
export type CommandName = (typeof COMMANDS)[number];
