import { cpSync, existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

export interface CorpusForAdding {
  dir: string;
  /** Said once, when the package's seeds were copied to a folder of the admin's own. */
  started?: string;
}

const insideNodeModules = (dir: string) => resolve(dir).split(sep).includes('node_modules');

/**
 * Where `add` writes. An installed copy's default corpus is the package's own `seeds/`, inside
 * node_modules, which the next `npm install` or update replaces: an article added there was lost
 * without a word. So the first `add` copies those seeds to `seeds/` in the working folder, which
 * every later run from that folder reads (a relative CORPUS_DIR is looked for there first), and
 * adds there. A CORPUS_DIR the admin set is written to as set.
 */
export function corpusForAdding(resolved: string, setByAdmin: boolean, cwd = process.cwd()): CorpusForAdding {
  if (setByAdmin || !insideNodeModules(resolved)) return { dir: resolved };
  const own = resolve(cwd, 'seeds');
  if (insideNodeModules(own)) {
    throw new Error(`the corpus folder is the installed package's (${resolved}), which an update replaces; set CORPUS_DIR to a folder of your own`);
  }
  if (!existsSync(own)) cpSync(resolved, own, { recursive: true });
  const shown = relative(cwd, own) || own;
  return {
    dir: own,
    started: `Started a corpus folder of your own, ${shown}, with the package's seed articles: one inside node_modules is replaced by the next install. Run grok-facts from this folder, or set CORPUS_DIR=${own}`,
  };
}
