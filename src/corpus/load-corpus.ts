import { createHash } from 'node:crypto';
import { statSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CorpusError } from './errors.js';
import { printable } from '../text/printable.js';
import { type Article, type SourceMeta, SourcesFileSchema } from './schema.js';

export const METADATA_FILE = 'sources.json';
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md']);

async function readMetadata(dir: string): Promise<Record<string, SourceMeta>> {
  const path = join(dir, METADATA_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CorpusError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CorpusError(`${path}: not valid JSON (${printable((error as Error).message)})`, path);
  }
  const parsed = SourcesFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map(String).join('.') || '(root)';
    throw new CorpusError(`${path}: "${where}" ${issue.message}`, path);
  }
  return parsed.data;
}

/** A file with no metadata still loads; its first non-empty line, shortened, is its title. */
export function titleFromText(text: string, fallback: string): string {
  const firstLine = text.split(/\r?\n/).map((l) => l.trim()).find((l) => /\p{L}/u.test(l));
  if (!firstLine) return fallback;
  if (firstLine.length <= 100) return firstLine;
  const cut = firstLine.slice(0, 100);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : 100)}…`;
}

export interface LoadOptions {
  /** Called for a file that cannot be read; without it, such a file is an error. */
  onBadFile?: (file: string, reason: string) => void;
  /** Called for what loads but looks like a mistake (a sources.json entry naming no file). */
  onWarning?: (message: string) => void;
}

/** Reads every `.txt` and `.md` article of a folder, in name order, with its metadata. */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Article[]> {
  let entries: Dirent[];
  try {
    const all = await readdir(dir, { withFileTypes: true });
    // Articles in a subfolder are not read: said, so that a folder of articles dropped in is not silently missing.
    const subfolders = all.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !ARTICLE_EXTENSIONS.has(extname(e.name).toLowerCase())).map((e) => e.name).sort();
    if (subfolders.length > 0) options.onWarning?.(`the corpus folder has ${subfolders.length === 1 ? 'a subfolder' : 'subfolders'} (${subfolders.slice(0, 3).join(', ')}${subfolders.length > 3 ? ', …' : ''}) whose files are not read: put articles directly in ${dir}`);
    entries = all.filter((e) => ARTICLE_EXTENSIONS.has(extname(e.name).toLowerCase()));
  } catch (error) {
    throw new CorpusError(`corpus folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, dir);
  }
  const names = entries.map((e) => e.name).sort();
  const folders = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  const metadata = await readMetadata(dir);
  const present = new Set(names);
  for (const described of Object.keys(metadata)) {
    if (!present.has(described)) options.onWarning?.(`${METADATA_FILE} describes "${described}", which is not in the corpus folder`);
  }
  const articles: Article[] = [];
  const cache = readCache(dir, present);
  for (const file of names) {
    const path = join(dir, file);
    let bytes: Buffer;
    let stamp: string | undefined;
    try {
      if (folders.has(file)) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
      stamp = stampOf(path);
      const known = stamp === undefined ? undefined : cache.get(file);
      if (known && known.stamp === stamp) {
        articles.push({ ...known.article, ...describe(known.article, metadata[file], known.own) });
        continue;
      }
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`;
      if (options.onBadFile) {
        options.onBadFile(file, reason);
        continue;
      }
      throw new CorpusError(`${path}: ${reason}`, path);
    }
    const rawText = bytes.toString('utf8');
    // An empty file (a save that failed, a placeholder) is no article: listed as one, it would
    // count in `sources` and the digest with nothing to say.
    const unusable = rawText.includes('\uFFFD') || bytes.includes(0) ? 'is not UTF-8 text' : rawText.replace(/^\uFEFF/, '').trim() === '' ? 'has no text' : undefined;
    if (unusable) {
      const reason = unusable;
      if (options.onBadFile) {
        options.onBadFile(file, reason);
        continue;
      }
      throw new CorpusError(`${path}: ${reason}`, path);
    }
    const source = file.slice(0, -extname(file).length);
    const meta = metadata[file];
    // A Markdown article says what it is in its front matter and is titled by it or else by its first heading,
    // read without the `#`; sources.json, written by an admin, wins field by field. The parser loads only when needed.
    // Without either it is titled from its first passage as shown, never from the raw line with its markup.
    const wantsOwn = !meta?.title || !meta.publisher || !meta.published || !meta.url;
    const md = wantsOwn && extname(file).toLowerCase() === '.md' ? await import('../passages/markdown-passages.js') : undefined;
    const own = md ? md.markdownMetadata(rawText) : {};
    const frontMatter = extname(file).toLowerCase() === '.md' && rawText.startsWith('---', rawText.charCodeAt(0) === 0xfeff ? 1 : 0) ? (await import('../passages/front-matter.js')).frontMatterProblem(rawText) : undefined;
    if (frontMatter) options.onWarning?.(`${file}: ${frontMatter}`);
    const ownTitle = own.title ?? titleFromText(md ? md.markdownTitleText(rawText) : rawText, source);
    const fromFile = { source, file, rawText, hash: createHash('sha256').update(bytes).digest('hex') };
    // Markdown read for its own metadata only when sources.json left a field out: cached only when it was
    // read, and not with a warning, which each load repeats.
    const ownMeta = md ? { ...own, title: ownTitle } : undefined;
    if (stamp !== undefined && !frontMatter && (ownMeta || extname(file).toLowerCase() !== '.md')) cache.set(file, { stamp, article: fromFile, own: ownMeta ?? { title: ownTitle } });
    articles.push({ ...fromFile, ...describe(fromFile, meta, { ...own, title: ownTitle }) });
  }
  return articles;
}

/** The metadata fields of an article: sources.json's, field by field, else the file's own. */
function describe(article: { source: string }, meta: SourceMeta | undefined, own: Partial<SourceMeta>): Pick<Article, 'title' | 'publisher' | 'published' | 'url'> {
  return { title: meta?.title ?? own.title ?? article.source, publisher: meta?.publisher ?? own.publisher, published: meta?.published ?? own.published, url: meta?.url ?? own.url };
}

/**
 * What each file of a folder held when last read, by the file's stamp (device, inode, size,
 * change and modification time): a reload of 10,000 articles reads and hashes only the files that changed, not 40 MB
 * (1.5–1.9 s of a reload that adds one article). A file replaced or written in place gets a
 * new change time, so it is read again.
 */
interface CachedFile {
  stamp: string;
  article: Pick<Article, 'source' | 'file' | 'rawText' | 'hash'>;
  own: Partial<SourceMeta>;
}
const caches = new Map<string, Map<string, CachedFile>>();

function readCache(dir: string, present: ReadonlySet<string>): Map<string, CachedFile> {
  let cache = caches.get(dir);
  if (!cache) caches.set(dir, (cache = new Map()));
  // Files gone from the folder leave the cache, so it holds no more than the corpus does.
  for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
  return cache;
}

/**
 * A file changed within this long before it was read is read again next time: a change time
 * ticks coarsely (a few ms), so two writes of the same length inside one tick would look alike
 * (git's "racily clean" files).
 */
const SETTLED_NS = 2_000_000_000n;

/** The file's stamp, or undefined when it cannot be trusted yet (see SETTLED_NS) or the file cannot be read. */
function stampOf(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });
    if (BigInt(Date.now()) * 1_000_000n - s.ctimeNs < SETTLED_NS) return undefined;
    return `${s.dev}:${s.ino}:${s.size}:${s.ctimeNs}:${s.mtimeNs}`;
  } catch {
    return undefined;
  }
}
