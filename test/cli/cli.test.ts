import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'dist/cli/main.js');

function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const raw = (source: string) => readFileSync(resolve(ROOT, 'seeds', `${source}.txt`), 'utf8');

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('dist/ is missing: npm test builds it first (npm run build)');
});

describe('grok-facts command', () => {
  it('ask --json prints one JSON line whose citation slices the seed file exactly', () => {
    const { code, stdout } = cli(['ask', '--json', 'How many parameters does Grok V9 Medium have?']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ question: 'How many parameters does Grok V9 Medium have?', status: 'answered' });
    const cited = answer.citations.find((c: { quote: string }) => c.quote.includes('1.5 trillion') || c.quote.includes('1.5T'));
    expect(cited).toBeDefined();
    for (const c of answer.citations) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['n', 'source', 'title', 'published', 'quote', 'start', 'end']));
      expect(raw(c.source).slice(c.start, c.end)).toBe(c.quote);
    }
    expect(Array.isArray(answer.conflicts)).toBe(true);
  });

  it('ask --json --stdin answers every line in order, with an error entry for a bad line', () => {
    const questions = ['How many parameters does Grok V9 Medium have?', '???', 'What is the capital of Australia?', '', 'When is the public launch expected?'];
    const { code, stdout } = cli(['ask', '--json', '--stdin'], questions.join('\n'));
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual([questions[0], '???', questions[2], questions[4]]);
    expect(lines.map((l) => l.status)).toEqual(['answered', 'no_answer', 'no_answer', 'answered']);
    expect(lines[1].error).toMatch(/punctuation/);
  });

  it('writes out the control characters of an article, in sources, answers and add, never sending them to the terminal', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'grok-facts-ansi-'));
    const data = mkdtempSync(join(tmpdir(), 'grok-facts-ansi-data-'));
    writeFileSync(join(corpus, 'ansi.txt'), 'Plant \x1b[31mnews\x1b[0m\nThe Memphis plant draws 300 megawatts of power, the \x1b]0;pwned\x07filing says.\n');
    const env = { CORPUS_DIR: corpus, DATA_DIR: data };
    const sources = cli(['sources'], undefined, env).stdout;
    const answer = cli(['ask', 'How much power does the Memphis plant draw?'], undefined, env).stdout;
    writeFileSync(join(data, 'more.txt'), 'More \x1b[2Jnews\nThe Austin site draws 120 megawatts of power, a filing says.\n');
    const added = cli(['add', join(data, 'more.txt')], undefined, env).stdout;
    for (const out of [sources, answer, added]) {
      expect(out).not.toContain('\u001b');
      expect(out).not.toContain('\u0007');
    }
    expect(sources).toContain('Plant \\x1b[31mnews\\x1b[0m');
    expect(answer).toContain('\\x1b]0;pwned\\x07filing says.');
    expect(added).toContain('More \\x1b[2Jnews');
  });

  it('prints a readable answer with numbered sources', () => {
    const { code, stdout } = cli(['ask', 'Where is the Colossus supercomputer?']);
    expect(code).toBe(0);
    expect(stdout).toContain('[#1]');
    expect(stdout).toContain('Memphis');
    expect(stdout).not.toContain('\u001b[');
  });

  it.each([
    [['ask', ''], /empty/],
    [['ask', '   '], /empty/],
    [['ask', '!!!'], /punctuation/],
    [['ask', 'x'.repeat(501)], /at most 500 characters/],
    [['ask', 'hi\u0007there'], /control characters/],
    [['ask'], /needs a question/],
    [['frobnicate'], /unknown command/],
    [['ask', '--bogus', 'x'], /unknown option --bogus$/],
    // Options and arguments some other command takes are refused, not silently ignored.
    [['chat', '--json'], /^grok-facts: chat takes no options \(--json given\)$/],
    [['--json'], /^grok-facts: chat takes no options/],
    [['ask', '--days', '3', 'when is it out'], /^grok-facts: ask does not take --days; it takes --json, --stdin$/],
    [['digest', '--stdin'], /digest does not take --stdin/],
    [['sources', 'extra'], /^grok-facts: sources takes no arguments \("extra" given\)$/],
    [['reload', '--force'], /reload takes no options/],
    [['ask', '--stdin', 'a question'], /either --stdin or a question/],
  ])('rejects %j with one line and a non-zero exit', (args, message) => {
    const { code, stdout, stderr } = cli(args as string[]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--version prints the version; an unknown option is named with balanced quotes', () => {
    const version = cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version);
    const bad = cli(['--frob']);
    expect(bad.stderr.split('\n')[0]).toBe('grok-facts: unknown option --frob');
    // parseArgs' own wording quotes unevenly; each option error is one plain line naming the option.
    expect(cli(['--version=3']).stderr.split('\n')[0]).toBe('grok-facts: --version takes no value');
    expect(cli(['report', '--days']).stderr.split('\n')[0]).toBe('grok-facts: --days needs a value');
  });

  it('a negative --days gets the range message, not "needs a value"', () => {
    for (const args of [['report', '--days', '-3'], ['report', '--days=-3']]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe('grok-facts: --days takes a whole number of days from 1 to 365, e.g. --days 7');
    }
  });

  it('help lists the chat command', () => {
    const { code, stdout } = cli(['help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}grok-facts, grok-facts chat +console chat/m);
  });

  it('ask --json, sources --json and add --json agree: a field a source lacks is null, never missing', () => {
    const answer = JSON.parse(cli(['ask', '--json', 'How many parameters does Grok V9 Medium have?']).stdout);
    const sources = JSON.parse(cli(['sources', '--json']).stdout);
    for (const entry of [...answer.citations, ...sources]) {
      for (const key of ['publisher', 'published', 'url']) expect(entry).toHaveProperty(key);
    }
    // The seeds state no URL, so both write null rather than dropping the field.
    expect(answer.citations[0].url).toBeNull();
    expect(sources.filter((s: { url: unknown }) => s.url === null).length).toBeGreaterThan(0);
  });

  it('report names the database path and what to do when DATA_DIR is unusable or the file is not a database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grok-facts-report-db-'));
    writeFileSync(join(dir, 'grok-facts.sqlite'), 'this is not a database, just text');
    const damaged = cli(['report'], undefined, { DATA_DIR: dir });
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain(join(dir, 'grok-facts.sqlite'));
    expect(damaged.stderr).toMatch(/move the file aside/);
    const notAFolder = join(dir, 'grok-facts.sqlite', 'data');
    const unusable = cli(['report'], undefined, { DATA_DIR: notAFolder });
    expect(unusable.code).toBe(1);
    expect(unusable.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^grok-facts: cannot open the database ${notAFolder}/grok-facts.sqlite .*set DATA_DIR to another one$`));
  });

  it('counts read as English: "1 conflict", "1 question", never "1 conflicts"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grok-facts-eval-one-'));
    const file = join(dir, 'one.jsonl');
    writeFileSync(file, '{"id":"c01","kind":"conflict","q":"How much did the per-token cost fall?","sides":[["90%"],["40%"]]}\n');
    const { code, stdout } = cli(['eval', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/: 1 question \(0 answerable, 0 out of scope, 1 conflict\)/);
    expect(cli(['sources']).stdout).toMatch(/5 articles, \d+ distinct passages\n$/);
  });

  it('ask --stdin in text mode gives a bad line its Q: header too', () => {
    const { code, stdout } = cli(['ask', '--stdin'], '???\nWhere is the Colossus supercomputer?\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Q: \?\?\?\nAsk in words/);
    expect(stdout).toContain('Q: Where is the Colossus supercomputer?');
  });

  it('ask --stdin writes out the control characters of a bad line it echoes, so they cannot drive the terminal', () => {
    const { stdout } = cli(['ask', '--stdin'], '\x1b[31mred when release\x07\n');
    expect(stdout.split('\n')[0]).toBe('Q: \\x1b[31mred when release\\x07');
    expect(stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });

  it('lists the sources with passage counts', () => {
    const { code, stdout } = cli(['sources', '--json']);
    expect(code).toBe(0);
    const sources = JSON.parse(stdout);
    expect(sources).toHaveLength(5);
    expect(sources.every((s: { passages: number }) => s.passages > 0)).toBe(true);
  });

  it('names the file and field when the corpus metadata is broken', () => {
    const { status: code, stderr } = spawnSync(process.execPath, [BIN, 'sources'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CORPUS_DIR: resolve(ROOT, 'test/data/broken-corpus') },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/sources\.json.*published/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('chats on standard input and keeps the previous question for follow-ups', () => {
    const { code, stdout } = cli([], 'How much did xAI raise in its Series E?\nand who invested?\n/quit\n');
    expect(code).toBe(0);
    expect(stdout).toContain('$20 billion');
    expect(stdout).toMatch(/Valor|Fidelity|Cisco/);
  });

  it('prints a digest for a date, as text or JSON, and rejects a bad date', () => {
    const json = cli(['digest', '--date', '2026-06-02', '--json']);
    expect(json.code).toBe(0);
    const digest = JSON.parse(json.stdout);
    expect(digest).toMatchObject({ localDate: '2026-06-02', dateLabel: 'Tuesday, 2 June 2026' });
    expect(digest.introduction).toHaveLength(5);
    expect(raw(digest.factOfTheDay.citation.source).slice(digest.factOfTheDay.citation.start, digest.factOfTheDay.citation.end)).toBe(digest.factOfTheDay.citation.quote);
    const text = cli(['digest', '--date', '2026-06-02']);
    expect(text.stdout).toMatch(/Grok V9-Medium digest — Tuesday, 2 June 2026[\s\S]*Fact of the day/);
    // As of 27 May, the article dated 28 May is not out yet: not introduced, not counted, not quoted.
    const before = JSON.parse(cli(['digest', '--date', '2026-05-27', '--json']).stdout);
    expect(before.introduction.map((a: { source: string }) => a.source)).not.toContain('000_62e430fcae3f5107');
    expect(before.introduction).toHaveLength(4);
    expect(before.sourceCount).toBe(4);
    expect(before.factOfTheDay.citation.source).not.toBe('000_62e430fcae3f5107');
    // Nor does it disagree with what is not out: on 26 May only one side of the token-cost conflict is.
    const early = JSON.parse(cli(['digest', '--date', '2026-05-26', '--json']).stdout);
    const quoted = [early.factOfTheDay.citation.source, ...early.disagreements.flatMap((d: { sides: { source: string }[] }) => d.sides.map((s) => s.source))];
    expect(quoted).not.toContain('000_62e430fcae3f5107');
    const bad = cli(['digest', '--date', '2026-13-40']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--date must be a calendar date/);
  });

  it('eval reports the metrics and fails below a threshold', () => {
    const ok = cli(['eval', 'test/data/questions.jsonl']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/hit@1 [\d.]+%\s+hit@3 [\d.]+%\s+abstention [\d.]+%/);
    expect(ok.stdout).toContain('non-verbatim citations 0');
    const strict = cli(['eval', 'test/data/questions.jsonl', '--min-hit1', '99']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/below target — hit@1/);
  });

  it('eval refuses what would pass any target: an empty file, a target written as a fraction', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grok-eval-'));
    writeFileSync(join(dir, 'empty.jsonl'), '');
    const empty = cli(['eval', join(dir, 'empty.jsonl'), '--min-hit1', '90']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty\.jsonl: no questions in it/);
    const fraction = cli(['eval', 'test/data/questions.jsonl', '--min-hit1', '0.95']);
    expect(fraction.code).toBe(2);
    expect(fraction.stderr.split('\n')[0]).toBe('grok-facts: --min-hit1 takes a percentage from 1 to 100 (or 0), e.g. --min-hit1 90');
    expect(cli(['report', '--days', 'abc']).stderr.split('\n')[0]).toBe('grok-facts: --days takes a number, e.g. --days 7');
    expect(cli(['eval', 'test/data/questions.jsonl', '--min-hit1', '']).stderr.split('\n')[0]).toBe('grok-facts: --min-hit1 takes a number, e.g. --min-hit1 90');
    // A ceiling below 1% is only strict, so it is taken as written.
    const strict = cli(['eval', 'test/data/questions.jsonl', '--max-false-abstain', '0.5']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/below target — false abstention [\d.]+% > 0\.5%/);
    // With no answerable question, hit@1 reads 100%; its target fails rather than passes.
    writeFileSync(join(dir, 'traps.jsonl'), '{"id": "t1", "kind": "unanswerable", "q": "What is the capital of Australia?"}\n');
    const traps = cli(['eval', join(dir, 'traps.jsonl'), '--min-hit1', '90']);
    expect(traps.code).toBe(1);
    expect(traps.stderr).toContain('no answerable questions to measure hit@1, hit@3 or false abstention on');
    // And a rate over no questions reads n/a, not 100%.
    const plain = cli(['eval', join(dir, 'traps.jsonl')]);
    expect(plain.stdout).toMatch(/hit@1 n\/a\s+hit@3 n\/a\s+abstention [\d.]+%\s+false abstention n\/a/);
    expect(plain.stdout).toContain('conflicts shown n/a');
    // In --json it is null, beside the counts.
    const json = JSON.parse(cli(['eval', join(dir, 'traps.jsonl'), '--json', '--baseline']).stdout);
    for (const r of [json.report, json.baseline]) {
      expect(r).toMatchObject({ answerable: 0, conflicts: 0, hit1: null, hit3: null, falseAbstention: null, conflictsShown: null });
      expect(typeof r.abstention).toBe('number');
    }
  });

  it('says a usage mistake in one line and points to --help, rather than printing the whole usage', () => {
    const { code, stderr } = cli(['ask', '-j', 'x']);
    expect(code).toBe(2);
    expect(stderr).toBe('grok-facts: unknown option -j\nRun grok-facts --help for the commands and options.\n');
    // What it echoes of the mistake has its control characters written out.
    expect(cli(['\x1b[2Jfoo']).stderr.split('\n')[0]).toBe('grok-facts: unknown command "\\x1b[2Jfoo"');
  });
});

describe('a PUBLIC_URL with a path', () => {
  it('stops the command with one line naming PUBLIC_URL, no stack trace', () => {
    const { code, stdout, stderr } = cli(['ask', 'How many parameters does Grok V9 Medium have?'], undefined, { PUBLIC_URL: 'http://127.0.0.1:3200/base/' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/PUBLIC_URL must be the site address without a path/);
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
