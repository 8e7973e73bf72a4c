/**
 * Builds the `grok-facts` command (dist/cli): one CommonJS bundle of the CLI, the launcher that
 * runs it with V8's code cache (launcher.ts says why), and that cache, made from a real `ask`.
 *
 * Run by `npm run build` after tsc; needs esbuild, a devDependency.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../src/config/project-root.js';

const root = projectRoot();
const out = join(root, 'dist/cli');
const bundle = join(out, 'bundle.cjs');
const main = join(out, 'main.js');

rmSync(out, { recursive: true, force: true });
const { metafile } = await build({
  metafile: true,
  entryPoints: [join(root, 'dist/adapters/cli/main.js')],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  // Native code (better-sqlite3) cannot be bundled; yaml stays a plain require so it loads only when a corpus has YAML.
  external: ['better-sqlite3', 'yaml'],
  // project-root.ts finds the project from its own file; in the bundle that file is bundle.cjs, whose
  // URL the launcher passes in (a banner line would push "use strict" out of first place).
  define: { 'import.meta.url': '__gf_import_meta_url' },
  outfile: bundle,
  logLevel: 'warning',
});
const dynamic = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import' && i.external));
if (dynamic.length > 0) {
  throw new Error(`the CLI bundle may not import() what it does not bundle (launcher.ts says why): ${dynamic.map((i) => i.path).join(', ')}`);
}
// The entry's shebang survives bundling, and a shebang is a syntax error inside the launcher's function wrapper.
writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(/^#![^\n]*\n/, ''));
copyFileSync(join(root, 'dist/adapters/cli/launcher.js'), main);
chmodSync(main, 0o755);

// The cache is made by the run people repeat: an `ask` that loads the saved index. The first run
// builds and saves the index (and a cache of that path, which is dropped); the second is the one kept.
const dataDir = mkdtempSync(join(tmpdir(), 'grok-facts-bundle-'));
try {
  const env = { ...process.env, DATA_DIR: dataDir, CORPUS_DIR: join(root, 'seeds'), NO_COLOR: '1' };
  for (const pass of ['saves the index', 'loads it']) {
    rmSync(`${bundle}.cache`, { force: true });
    const run = spawnSync(process.execPath, [main, 'ask', 'When does it come out?'], { cwd: root, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the built command failed (${pass}): ${run.stderr}`);
  }
  if (!existsSync(`${bundle}.cache`)) throw new Error('the built command wrote no code cache');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
