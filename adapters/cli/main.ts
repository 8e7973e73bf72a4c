#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, projectRoot, resolveDir } from '../../src/config/config.js';
import { CorpusError } from '../../src/corpus/errors.js';
import { createEngine } from '../../src/engine/engine.js';
import { createPlainLogger } from '../../src/log/plain-logger.js';
import { citationLinker } from '../shared/citation-link.js';
import { askEachLine, askOnce } from './commands/ask.js';
import { COMMANDS, type CommandName } from './command-names.js';
import { misplacedInput } from './command-options.js';
import { printable } from '../../src/text/printable.js';
import { styleFor } from './style.js';

const USAGE = `Usage:
  grok-facts, grok-facts chat      console chat (help, sources, quit)
  grok-facts ask "question"        answer one question   (--json for one JSON line)
  grok-facts ask --stdin           answer each line of standard input, in order (--json: JSON Lines)
  grok-facts sources               the indexed articles  (--json)
  grok-facts digest                today's digest (--date YYYY-MM-DD, --json)
  grok-facts reload                make the running bot re-read the corpus folder
  grok-facts --version             the version
  grok-facts add FILE|URL …        add articles: saved pages (.html), .md, .txt or http(s) URLs
                                   (--force replaces one already in the corpus; --json)
  grok-facts report                what people asked, what was refused, 👎, digests (--days N, --json)
  grok-facts eval FILE.jsonl       answer-quality report (--verbose, --baseline, --json,
                                   --min-hit1 N --min-hit3 N --min-abstain N --max-false-abstain N --min-conflicts N)`;

export class UsageError extends Error {}

function number(value: string | undefined, flag: string, example: number): number | undefined {
  if (value === undefined) return undefined;
  // Number('') is 0: an empty value would set a target of nothing without a word.
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`${flag} takes a number, e.g. ${flag} ${example}`);
  return n;
}

/**
 * A target in percent. For a floor, "0.95" is far likelier a fraction meant as 95% than a floor
 * of 0.95%, which anything passes, so it is refused; a ceiling that small is only strict.
 */
function percent(value: string | undefined, flag: string, kind: 'floor' | 'ceiling' = 'floor'): number | undefined {
  const example = kind === 'floor' ? 90 : 5;
  const n = number(value, flag, example);
  if (n !== undefined && (n < 0 || n > 100)) throw new UsageError(`${flag} takes a percentage from 0 to 100, e.g. ${flag} ${example}`);
  if (n !== undefined && kind === 'floor' && n > 0 && n < 1) throw new UsageError(`${flag} takes a percentage from 1 to 100 (or 0), e.g. ${flag} ${example}`);
  return n;
}

/** Options that take a number: parseArgs reads `--days -3` as a missing value, since -3 looks like an option. */
const NUMBER_OPTIONS = new Set(['--days', '--min-hit1', '--min-hit3', '--min-abstain', '--max-false-abstain', '--min-conflicts']);

/** `--days -3` → `--days=-3`, so the range check, not "--days needs a value", answers it. */
function joinNegativeNumbers(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const next = argv[i + 1];
    if (NUMBER_OPTIONS.has(argv[i]!) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i += 1;
    } else out.push(argv[i]!);
  }
  return out;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args: joinNegativeNumbers(argv),
    allowPositionals: true,
    tokens: true,
    options: {
      json: { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      baseline: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
      'min-hit1': { type: 'string' },
      'min-hit3': { type: 'string' },
      'min-abstain': { type: 'string' },
      'max-false-abstain': { type: 'string' },
      'min-conflicts': { type: 'string' },
      date: { type: 'string' },
      force: { type: 'boolean', default: false },
      days: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${(JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version}\n`);
    return 0;
  }
  if (command !== undefined && !(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);
  const given = tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : []));
  const misplaced = misplacedInput((command ?? 'chat') as CommandName, given, rest);
  if (misplaced !== undefined) throw new UsageError(misplaced);

  const config = loadConfig();
  if (command === 'reload') {
    const { requestReload } = await import('./commands/reload.js');
    return requestReload(resolveDir(config.DATA_DIR), process.stdout, process.stderr);
  }
  if (command === 'add') {
    if (rest.length === 0) throw new UsageError('add needs a file or URL, e.g. grok-facts add saved-page.html');
    const { addInputs } = await import('./commands/add.js');
    const { corpusForAdding } = await import('./commands/own-corpus.js');
    let corpus;
    try {
      corpus = corpusForAdding(resolveDir(config.CORPUS_DIR), process.env.CORPUS_DIR !== undefined && process.env.CORPUS_DIR.trim() !== '');
    } catch (error) {
      process.stderr.write(`grok-facts add: ${(error as Error).message}\n`);
      return 2;
    }
    if (corpus.started) process.stderr.write(`${corpus.started}\n`);
    return addInputs(corpus.dir, resolveDir(config.DATA_DIR), rest, { json: values.json, force: values.force, style: styleFor(process.stdout), out: process.stdout, err: process.stderr });
  }
  const days = number(values.days, '--days', 7);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 365)) throw new UsageError('--days takes a whole number of days from 1 to 365, e.g. --days 7');
  // The saved index makes a one-shot `ask` start fast; commands other than ask load their code when used.
  const logger = createPlainLogger((line) => process.stderr.write(line));
  // A one-shot question reads only the passages it reaches; the other commands read most of them anyway.
  const engine = await createEngine({ corpusDir: resolveDir(config.CORPUS_DIR), dataDir: resolveDir(config.DATA_DIR), logger, lazyPassages: command === 'ask' && !values.stdin });
  const style = styleFor(process.stdout);
  const io = { out: process.stdout, err: process.stderr };
  const link = citationLinker(config.PUBLIC_URL);

  switch (command) {
    case 'ask':
      if (values.stdin) return askEachLine(engine, process.stdin, { json: values.json, style, link, ...io });
      if (rest.length === 0) throw new UsageError('ask needs a question, e.g. grok-facts ask "How many parameters?"');
      return askOnce(engine, rest.join(' '), { json: values.json, style, link, ...io });
    case 'sources': {
      const { listSources } = await import('./commands/sources.js');
      return listSources(engine, values.json, style, process.stdout);
    }
    case 'digest': {
      const { printDigest } = await import('./commands/digest.js');
      return printDigest(engine, values.date, values.json, style, process.stdout, link);
    }
    case 'report': {
      const { printReport } = await import('./commands/report.js');
      return printReport(engine, resolveDir(config.DATA_DIR), { days: days ?? 30, json: values.json, style, out: process.stdout });
    }
    case 'eval': {
      const { evaluate } = await import('./commands/eval.js');
      if (rest.length !== 1) throw new UsageError('eval needs one file, e.g. grok-facts eval questions.jsonl');
      return evaluate(engine, rest[0]!, {
        verbose: values.verbose,
        baseline: values.baseline,
        json: values.json,
        thresholds: {
          minHit1: percent(values['min-hit1'], '--min-hit1'),
          minHit3: percent(values['min-hit3'], '--min-hit3'),
          minAbstain: percent(values['min-abstain'], '--min-abstain'),
          maxFalseAbstain: percent(values['max-false-abstain'], '--max-false-abstain', 'ceiling'),
          minConflicts: percent(values['min-conflicts'], '--min-conflicts'),
        },
        ...io,
      });
    }
    default: {
      const { chat } = await import('./commands/chat.js');
      const { keepCorpusLive } = await import('../../src/engine/live-corpus.js');
      const live = keepCorpusLive(engine, resolveDir(config.CORPUS_DIR), resolveDir(config.DATA_DIR), createPlainLogger((line) => process.stderr.write(line), {}, 'info'));
      // Stopped by a signal, as `npm start`'s chat is: the watcher and pid file go (a stale pid file
      // would point `grok-facts reload` at a process that is gone), and the exit is a clean 0.
      const stop = () => {
        live.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        return await chat(engine, process.stdin, process.stdout, style, { link });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        live.close();
      }
    }
  }
}

/** parseArgs' own messages quote unevenly and suggest `--` tricks; say it plainly. */
function usageMessage(error: Error & { code?: string }): string {
  const option = /Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  // "Option '-v, --version' does not take an argument", "Option '--days <value>' argument missing"
  const named = /Option '(?:-\w, )?(--[\w-]+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named) {
    return /does not take/.test(error.message) ? `${named} takes no value` : `${named} needs a value`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'unexpected argument';
  return error.message;
}

// A closed stdout (`| head -1`) ends the command quietly with status 0, as Unix tools do; a
// closed stderr is no reason to fail either.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`grok-facts: cannot write the output (${error.code ?? error.message})\n`);
  process.exit(1);
});
process.stderr.on('error', () => undefined);

// Every failure a person can cause ends in one line on stderr, never a stack trace.
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // The mistake in one line, and where the commands are listed: the whole usage buried it.
      process.stderr.write(`grok-facts: ${printable(usageMessage(error as Error))}\nRun grok-facts --help for the commands and options.\n`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError || error instanceof CorpusError || (error as Error)?.name === 'StoreError') {
      // StoreError by name: importing it here would load better-sqlite3 for every `ask`.
      process.stderr.write(`grok-facts: ${(error as Error).message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`grok-facts: unexpected error — ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
