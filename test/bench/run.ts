/**
 * `npm run bench`: speed and memory of the answer engine on the seeds, on generated coverage of
 * 1,000 and 10,000 articles (test/bench/generate-corpus.ts), and on one huge 20 MB article;
 * and of the one-shot command. Prints a table and every target of issue #14 with PASS/FAIL;
 * exits non-zero when one fails. `BENCH_SIZES=1000,3000` measures other sizes (for iterating);
 * the targets at 10,000 are then reported as not measured.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { generateArticle, writeCorpus } from './generate-corpus.js';
import { syntheticQuestions } from './synthetic-questions.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = [join(ROOT, 'node_modules/tsx/dist/cli.mjs')];
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const HUGE_BYTES = 20 * 1024 * 1024;

function ownQuestions(): string[] {
  const files = [join(ROOT, 'test/data/shared-eval/dev.jsonl'), join(ROOT, 'test/data/questions.jsonl')];
  return files.flatMap((f) => {
    try {
      return readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l).q as string);
    } catch {
      return [];
    }
  });
}

/** One measurement in a child process of its own, so its peak memory is its own. */
function measure(mode: 'build' | 'serve', corpusDir: string, dataDir: string, questions: string[]): Record<string, any> {
  const out = execFileSync(process.execPath, [...TSX, join(ROOT, 'test/bench/measure-scale.ts'), mode, corpusDir, dataDir, JSON.stringify(questions)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** Wall time and peak RSS of one command, as GNU time reports them. */
function run(command: string[], env: NodeJS.ProcessEnv): { seconds: number; peakRssMB: number; stdout: string } {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...command], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
  const [seconds, kb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number];
  return { seconds, peakRssMB: kb / 1024, stdout: result.stdout };
}

/** Median wall time of each command, run in turn so that drift in machine load hits them alike. */
function medianSeconds(commands: string[][], runs: number, env: NodeJS.ProcessEnv): number[] {
  const times: number[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach((command, c) => {
      const start = process.hrtime.bigint();
      const result = spawnSync(process.execPath, command, { cwd: ROOT, env, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`${command.join(' ')} failed: ${result.stderr}`);
      times[c]!.push(Number(process.hrtime.bigint() - start) / 1e9);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(runs / 2)]!);
}

const f = (n: number, digits = 0) => n.toFixed(digits);
const rows: string[][] = [];
const checks: { target: string; ok: boolean | undefined; detail: string }[] = [];
const check = (target: string, ok: boolean | undefined, detail: string) => checks.push({ target, ok, detail });

const scales: { name: string; dir: string; questions: string[] }[] = [{ name: '5 (seeds)', dir: join(ROOT, 'seeds'), questions: ownQuestions() }];
for (const count of SIZES) {
  const dir = join(tmpdir(), `grok-facts-bench-${count}`);
  writeCorpus(dir, count);
  scales.push({ name: String(count), dir, questions: syntheticQuestions() });
}

for (const scale of scales) {
  const dataDir = mkdtempSync(join(tmpdir(), 'grok-facts-bench-data-'));
  process.stderr.write(`measuring ${scale.name} articles…\n`);
  const build = measure('build', scale.dir, dataDir, scale.questions);
  const serve = measure('serve', scale.dir, dataDir, scale.questions);
  rows.push([
    scale.name, String(build.passages), String(build.conflicts), `${f(build.buildMs)} (${f(build.buildCpuMs)})`, f(build.peakRssMB), f(build.savedMB),
    `${f(serve.loadMs)} (${f(serve.loadCpuMs)})`, f(serve.firstRefusalMs, 1), f(serve.warmUpMs), f(serve.answer.p50, 2), f(serve.answer.p99, 2),
    f(serve.plainSearch.p50, 2), f(serve.plainSearch.p99, 2), f(serve.rssMB), f(serve.peakRssMB),
    `${serve.addMs.map((ms: number) => f(ms)).join(', ')} (${serve.addedFrom.join(', ')}; ${serve.addedAnswered}/${serve.addedAsked}; prepared in ${f(serve.prepareMs)})`,
  ]);
  check(`${scale.name}: first refused answer within 50 ms`, serve.firstRefusalMs <= 50, `${f(serve.firstRefusalMs, 1)} ms`);
  if (scale.name === '10000') {
    check('10,000: distinct passages at least 200,000', build.passages >= 200_000, `${build.passages}`);
    check('10,000: answer p50 within 3 ms', serve.answer.p50 <= 3, `${f(serve.answer.p50, 2)} ms`);
    check('10,000: answer p99 within 20 ms', serve.answer.p99 <= 20, `${f(serve.answer.p99, 2)} ms`);
    check('10,000: fresh build within 60 s', build.buildMs <= 60_000, `${f(build.buildMs / 1000, 1)} s`);
    check('10,000: build peak RSS within 1.5 GB', build.peakRssMB <= 1536, `${f(build.peakRssMB)} MB`);
    check('10,000: start from the saved index within 1/5 of a build', serve.loadMs <= build.buildMs / 5, `${f(serve.loadMs)} ms vs ${f(build.buildMs)} ms`);
    check('10,000: serving RSS within 1 GB', serve.peakRssMB <= 1024, `${f(serve.peakRssMB)} MB`);
    check('10,000: bot answering within 2x the saved-index load', serve.loadMs + serve.warmUpMs <= 2 * serve.loadMs, `load ${f(serve.loadMs)} ms + warm-up ${f(serve.warmUpMs)} ms`);
    // Every add counts: the slowest is what an admin may meet. Each is a whole live reload (the folder read, the add, its saved record).
    const slowest = Math.max(...(serve.addMs as number[]));
    const incremental = (serve.addedFrom as string[]).every((from) => from === 'added');
    check('10,000: adding one article within 1 s (incremental)', incremental && slowest <= 1000, `${serve.addMs.map((ms: number) => f(ms)).join(', ')} ms for ${serve.addMs.length} live reloads that each added one (${serve.addedFrom.join(', ')}), saved record included; ${serve.addedAnswered} of ${serve.addedAsked} of their sentences asked back answered from them; counting ahead at start ${f(serve.prepareMs)} ms`);
  }
}
if (!SIZES.includes(10000)) check('10,000-article targets', undefined, 'not measured (BENCH_SIZES leaves out 10000)');

// One huge article: 20 MB of generated coverage in a single file.
{
  const dir = join(tmpdir(), 'grok-facts-bench-huge');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < HUGE_BYTES; i++) {
    const body = generateArticle(i).split('\n').slice(5).join('\n');
    parts.push(body);
    size += body.length + 2;
  }
  writeFileSync(join(dir, 'huge.txt'), `One very long report on the race for AI models\n\n${parts.join('\n\n')}`.slice(0, HUGE_BYTES));
  const dataDir = mkdtempSync(join(tmpdir(), 'grok-facts-bench-huge-data-'));
  process.stderr.write('measuring one 20 MB article…\n');
  const build = measure('build', dir, dataDir, []);
  const env = { ...process.env, CORPUS_DIR: dir, DATA_DIR: dataDir, NO_COLOR: '1' };
  const ask = run([join(ROOT, 'dist/cli/main.js'), 'ask', syntheticQuestions()[0]!], env);
  rows.push(['1 (20 MB)', String(build.passages), String(build.conflicts), `${f(build.buildMs)} (${f(build.buildCpuMs)})`, f(build.peakRssMB), f(build.savedMB), '–', '–', '–', '–', '–', '–', '–', '–', '–', '–']);
  check('20 MB article: build within 15 s', build.buildMs <= 15_000, `${f(build.buildMs / 1000, 1)} s`);
  check('20 MB article: build peak RSS within 1 GB', build.peakRssMB <= 1024, `${f(build.peakRssMB)} MB`);
  check('20 MB article: one-shot ask within 2 s', ask.seconds <= 2, `${f(ask.seconds, 2)} s`);
  check('20 MB article: one-shot ask peak RSS within 600 MB', ask.peakRssMB <= 600, `${f(ask.peakRssMB)} MB`);
}

// The one-shot command beside the floor: node loading MiniSearch, indexing the seed sentences, searching once.
const dataDir = mkdtempSync(join(tmpdir(), 'grok-facts-bench-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1' };
const ask = [join(ROOT, 'dist/cli/main.js'), 'ask', 'How many parameters does Grok V9 Medium have?'];
spawnSync(process.execPath, ask, { cwd: ROOT, env }); // saves the index, as the first run of a new install does
const [oneShot, floor] = medianSeconds([ask, [join(ROOT, 'test/bench/floor.cjs')]], 15, env) as [number, number];
check('seeds: one-shot `grok-facts ask` within 1.5x of the `node -e` floor', oneShot <= 1.5 * floor, `${f(oneShot, 3)} s vs ${f(floor, 3)} s (${f(oneShot / floor, 2)}x)`);

const header = ['articles', 'passages', 'conflicts', 'build ms (CPU ms)', 'build peak RSS MB', 'saved MB', 'load ms (CPU ms)', 'first refusal ms', 'warm-up ms', 'answer p50 ms', 'answer p99 ms', 'MiniSearch p50 ms', 'MiniSearch p99 ms', 'serving RSS MB', 'serving peak RSS MB', 'reload adding one article, ms ×3 (how; asked back answered; counted ahead ms)'];
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${f(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nMachine: ${machine}\n`);
console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nOne-shot: grok-facts ask ${f(oneShot, 3)} s (median of 15), node -e floor ${f(floor, 3)} s\n`);
for (const c of checks) console.log(`${c.ok === undefined ? 'SKIP' : c.ok ? 'PASS' : 'FAIL'}  ${c.target}: ${c.detail}`);
process.exitCode = checks.every((c) => c.ok !== false) ? 0 : 1;
