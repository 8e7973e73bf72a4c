#!/usr/bin/env node
/**
 * The `grok-facts` command's entry point (dist/cli/main.js once built).
 *
 * Why it exists: a one-shot `grok-facts ask` spends most of its time starting up, and most of
 * that is V8 compiling the bundled program. Node 20 keeps no compile cache for ES modules
 * (module.enableCompileCache arrived in Node 22), so this launcher runs the CommonJS bundle
 * (bundle.cjs) through vm.Script with V8's code cache (bundle.cjs.cache), which the build
 * writes. A missing, stale or corrupt cache only costs speed: V8 rejects it, the program
 * compiles from source as usual, and a fresh cache is written on exit for the next run.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const filename = join(here, 'bundle.cjs');
const cacheFile = `${filename}.cache`;

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

/** Written atomically and best-effort: a read-only install or a race between two runs is not an error. */
function saveCache(script: vm.Script): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    // The next run compiles from source again; nothing is lost.
  }
}

const cachedData = readCache();
// Shaped like Node's own CommonJS wrapper, plus the bundle's stand-in for import.meta.url (build-bundle.ts).
const wrapped = `(function (exports, require, module, __filename, __dirname, __gf_import_meta_url) {${readFileSync(filename, 'utf8')}\n})`;
// No importModuleDynamically: on Node 20 it is lost when V8 takes the code from the cache, so the
// bundle may hold no import() of its own (build-bundle.ts refuses one); it uses require.
const script = new vm.Script(wrapped, { filename, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  // After the run, so the cache also holds the functions this run compiled lazily.
  process.once('exit', () => saveCache(script));
}
const module = { exports: {} as unknown, filename, id: filename, loaded: false };
const run = script.runInThisContext() as (...args: unknown[]) => void;
run(module.exports, createRequire(filename), module, filename, here, pathToFileURL(filename).href);
