/**
 * `npm run bench`: speed and memory of the answer engine from the 5 seed articles to 10,000
 * synthetic ones, and of the one-shot command, each beside its baseline. Prints a table and
 * whether each target holds; exits non-zero when one does not.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCorpus } from './generate-corpus.js';
import { syntheticQuestions } from './synthetic-questions.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = [join(ROOT, 'node_modules/tsx/dist/cli.mjs')];

function ownQuestions(): string[] {
  const files = [join(ROOT, '../shared/eval/dev.jsonl'), join(ROOT, 'test/data/questions.jsonl')];
  return files.flatMap((f) => {
    try {
      return readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l).q as string);
    } catch {
      return [];
    }
  });
}

function measure(mode: 'build' | 'serve', corpusDir: string, dataDir: string, questions: string[]): Record<string, any> {
  const out = execFileSync(process.execPath, [...TSX, join(ROOT, 'test/bench/measure-scale.ts'), mode, corpusDir, dataDir, JSON.stringify(questions)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
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

const f = (n: number, digits = 2) => n.toFixed(digits);
const rows: string[][] = [];
const checks: { target: string; ok: boolean; detail: string }[] = [];

const scales: { name: string; dir: string; questions: string[] }[] = [{ name: '5 (seeds)', dir: join(ROOT, 'seeds'), questions: ownQuestions() }];
for (const count of [1000, 10000]) {
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
    scale.name, String(build.passages), f(build.buildMs, 0), f(serve.loadMs, 0),
    f(serve.answer.p50, 3), f(serve.answer.p99, 3), f(serve.plainSearch.p50, 3), f(serve.plainSearch.p99, 3),
    f(serve.answer.p99 / serve.plainSearch.p99, 1), f(serve.heapMB, 0), f(serve.peakRssMB, 0), f(build.peakRssMB, 0),
  ]);
  if (scale.name.startsWith('5')) {
    checks.push({ target: 'seeds: answer p99 within 3x of plain MiniSearch p99', ok: serve.answer.p99 <= 3 * serve.plainSearch.p99, detail: `${f(serve.answer.p99, 3)} ms vs ${f(serve.plainSearch.p99, 3)} ms` });
  }
  if (scale.name === '10000') {
    checks.push({ target: '10,000 articles: answer p99 under 20 ms', ok: serve.answer.p99 < 20, detail: `${f(serve.answer.p99, 2)} ms` });
    checks.push({ target: '10,000 articles: start-up from the saved index at most 1/3 of a fresh build', ok: serve.loadMs <= build.buildMs / 3, detail: `${f(serve.loadMs, 0)} ms vs ${f(build.buildMs, 0)} ms` });
    checks.push({ target: '10,000 articles: peak RSS under 500 MB (serving, and building)', ok: serve.peakRssMB < 500 && build.peakRssMB < 500, detail: `serving ${f(serve.peakRssMB, 0)} MB, building ${f(build.peakRssMB, 0)} MB` });
  }
}

// The one-shot command beside the floor: node loading MiniSearch, indexing the seed sentences, searching once.
const dataDir = mkdtempSync(join(tmpdir(), 'grok-facts-bench-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1' };
const ask = [join(ROOT, 'dist/cli/main.js'), 'ask', 'How many parameters does Grok V9 Medium have?'];
spawnSync(process.execPath, ask, { cwd: ROOT, env }); // saves the index, as the first run of a new install does
const [oneShot, floor] = medianSeconds([ask, [join(ROOT, 'test/bench/floor.cjs')]], 15, env) as [number, number];
checks.push({ target: 'one-shot `grok-facts ask` within 1.5x of the `node -e` floor', ok: oneShot <= 1.5 * floor, detail: `${f(oneShot, 3)} s vs ${f(floor, 3)} s (${f(oneShot / floor, 2)}x)` });

const header = ['articles', 'passages', 'build ms', 'load ms', 'answer p50 ms', 'answer p99 ms', 'MiniSearch p50 ms', 'MiniSearch p99 ms', 'p99 ratio', 'heap MB', 'peak RSS MB (serve)', 'peak RSS MB (build)'];
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${f(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
console.log(`\nMachine: ${machine}\n`);
console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nOne-shot: grok-facts ask ${f(oneShot, 3)} s (median of 15), node -e floor ${f(floor, 3)} s\n`);
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.target}: ${c.detail}`);
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
