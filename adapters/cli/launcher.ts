#!/usr/bin/env node
/**
 * The `grok-facts` command's entry point (dist/cli/main.js once built).
 *
 * Why it exists: a one-shot `grok-facts ask` spends most of its time starting up, and most of
 * that is V8 compiling the bundled program. Node 20 keeps no compile cache for ES modules
 * (module.enableCompileCache arrived in Node 22), so this launcher runs the CommonJS bundle
 * (bundle.cjs) through vm.Script with V8's code cache (bundle.cjs.cache), which the build
 * writes. A missing, stale or damaged cache only costs speed: it is not used, the program
 * compiles from source as usual, and a fresh cache is written on exit for the next run.
 *
 * V8 itself checks only a cache's header (its version, flags and the source's length), and a
 * release build of Node 20 trusts the rest: damaged bytes behind a good header crash the process
 * in V8, before any handler runs, on every run. So the cache file carries its own checksum and
 * the bundle's own sha256, and is handed to V8 only when both hold.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const filename = join(here, 'bundle.cjs');
const cacheFile = `${filename}.cache`;
/** The cache file: this many bytes of header (JSON, padded with spaces), then V8's cache data. */
const HEADER = 256;

interface CacheHeader {
  /**
   * sha256 of the source V8 compiled (the bundle in its wrapper), hex. Its content, not its mtime: npm pack and
   * install rewrite every mtime, so an mtime key turned the shipped cache away on every installed
   * copy (and a read-only one paid for compiling on every run). Hashing the 2 MB bundle costs ~1 ms.
   */
  bundle: string;
  /** sha256 of the cache data, hex. */
  sha256: string;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** V8's cache data when the file is whole and made from this very bundle; otherwise nothing. */
function readCache(bundle: string): Buffer | undefined {
  try {
    const file = readFileSync(cacheFile);
    const header = JSON.parse(file.subarray(0, HEADER).toString('utf8')) as CacheHeader;
    const data = file.subarray(HEADER);
    return header.bundle === bundle && header.sha256 === sha256(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Written atomically and best-effort: a read-only install, a full disk or a race between two runs is not an error. */
function saveCache(script: vm.Script, bundle: string): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    const header: CacheHeader = { bundle, sha256: sha256(data) };
    writeFileSync(tmp, Buffer.concat([Buffer.from(JSON.stringify(header).padEnd(HEADER, ' ')), data]));
    renameSync(tmp, cacheFile);
  } catch {
    // The next run compiles from source again; nothing is lost but a partial file, removed here.
    try {
      unlinkSync(tmp);
    } catch {
      // Never created.
    }
  }
}

const source = readFileSync(filename);
// Shaped like Node's own CommonJS wrapper, plus the bundle's stand-in for import.meta.url (build-bundle.ts).
const OPEN = '(function (exports, require, module, __filename, __dirname, __gf_import_meta_url) {';
const CLOSE = '\n})';
// The key covers what V8 compiles, wrapper included, so a launcher with another wrapper never takes an old cache.
const bundleHash = createHash('sha256').update(OPEN).update(source).update(CLOSE).digest('hex');
const cachedData = readCache(bundleHash);
const wrapped = `${OPEN}${source.toString('utf8')}${CLOSE}`;
// No importModuleDynamically: on Node 20 it is lost when V8 takes the code from the cache, so the
// bundle may hold no import() of its own (build-bundle.ts refuses one); it uses require.
const script = new vm.Script(wrapped, { filename, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  // After the run, so the cache also holds the functions this run compiled lazily.
  process.once('exit', () => saveCache(script, bundleHash));
}
const module = { exports: {} as unknown, filename, id: filename, loaded: false };
const run = script.runInThisContext() as (...args: unknown[]) => void;
run(module.exports, createRequire(filename), module, filename, here, pathToFileURL(filename).href);
