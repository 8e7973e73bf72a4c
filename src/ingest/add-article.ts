import { createHash } from 'node:crypto';
import { readFile, stat, unlink } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { loadCorpus, METADATA_FILE, titleFromText } from '../corpus/load-corpus.js';
import { type Article, type SourceMeta, SourceMetaSchema } from '../corpus/schema.js';
import { addArticles, shouldAddIncrementally } from '../index/add-articles.js';
import { buildIndex, type KnowledgeIndex } from '../index/build-index.js';
import { indexKey, loadSavedIndex } from '../index/persisted-index.js';
import { loadSavedWithAdditions, saveAdditions } from '../index/saved-additions.js';
import { markdownMetadata, markdownTitleText } from '../passages/markdown-passages.js';
import { foldTypography } from '../text/fold.js';
import { writeFileAtomic } from './atomic-write.js';
import { decodePage } from './decode-page.js';
import { IngestError } from './errors.js';
import { DEFAULT_FETCH_LIMITS, fetchPage, type FetchLimits } from './fetch-page.js';
import { extractArticle } from './html-article.js';
import { newFacts } from './new-facts.js';
import { describeSize, LARGE_ARTICLE_BYTES, MAX_ARTICLE_BYTES, MAX_PAGE_FILE_BYTES } from './size-limits.js';
import { slugify, uniqueSlug } from './slug.js';

export interface AddOptions {
  corpusDir: string;
  /** A saved page (.html, .htm), a Markdown or text file, or an http(s) URL. */
  input: string;
  /** Replace an article already in the corpus instead of refusing the duplicate. */
  force?: boolean;
  /**
   * Where the bot saves its index: when one is saved there for the corpus as it stands, and the
   * corpus is large, the article is added to it (add-articles.ts) instead of the corpus being
   * built again, and the record of the add is saved beside it for the bot's next start.
   */
  dataDir?: string;
  /** Smallest saved index an article is added to rather than the corpus built again (add-articles.ts MIN_PASSAGES_TO_ADD). */
  minPassagesToAdd?: number;
  fetchLimits?: FetchLimits;
}

export type AddResult =
  | { status: 'duplicate'; file: string; title: string; why: 'the same URL' | 'the same text' | 'nearly the same text'; publisher?: string; published?: string; url?: string }
  | {
      status: 'added' | 'replaced';
      file: string;
      title: string;
      publisher?: string;
      published?: string;
      url?: string;
      passages: number;
      /** Up to three passages stating figures or dates no other article states. */
      facts: string[];
      /** Said once the article is written: what it will cost, when that is worth knowing (size-limits.ts). */
      note?: string;
    };

/** The article as it will be written: its text, extension, and what is known about it. */
interface Candidate extends Partial<SourceMeta> {
  title: string;
  text: string;
  extension: '.txt' | '.md';
}

const IS_URL = /^https?:\/\//i;

async function readCandidate(input: string, limits: FetchLimits): Promise<Candidate> {
  if (IS_URL.test(input)) {
    const page = await fetchPage(input, limits);
    if (page.kind === 'html') return { ...extractArticle(page.body, input, page.url), extension: '.txt' };
    return { title: titleFromText(page.body, 'article'), text: page.body, url: page.url, extension: '.txt' };
  }
  const extension = extname(input).toLowerCase();
  const isPage = extension === '.html' || extension === '.htm';
  let bytes: Buffer;
  try {
    // Before the extension, so a folder (even one named notes.txt) is called a folder, not a wrong kind of file.
    const found = await stat(input);
    if (found.isDirectory()) throw new IngestError(input, `is a folder; add the articles in it by name, e.g. grok-facts add ${join(input, '*')}`);
    if (!['.html', '.htm', '.md', '.txt'].includes(extension)) throw new IngestError(input, 'only .html, .htm, .md and .txt files, or http(s) URLs, can be added');
    if (isPage && found.size > MAX_PAGE_FILE_BYTES) {
      throw new IngestError(input, `too large for a saved page (${describeSize(found.size)}, over the ${describeSize(MAX_PAGE_FILE_BYTES)} a page may be) — save the article's text as .txt instead`);
    }
    if (!isPage && found.size > MAX_ARTICLE_BYTES) throw new IngestError(input, tooLarge(found.size, 'text'));
    bytes = await readFile(input);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new IngestError(input, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`);
  }
  // A saved page says which encoding it is in; Markdown and text must be UTF-8, as the corpus reads them.
  const text = isPage ? decodePage(bytes) : bytes.toString('utf8');
  if (text.includes('\uFFFD') || bytes.includes(0)) throw new IngestError(input, isPage ? 'cannot be decoded as text' : 'is not UTF-8 text');
  if (!/\p{L}/u.test(text)) throw new IngestError(input, 'has no text');
  if (isPage) return { ...extractArticle(text, input), extension: '.txt' };
  if (extension === '.md') {
    const own = markdownMetadata(text);
    return { ...own, title: own.title ?? titleFromText(markdownTitleText(text), 'article'), text, extension: '.md' };
  }
  return { title: titleFromText(text, 'article'), text, extension: '.txt' };
}

/** `what`: the file's text, or the text kept from a saved page or URL, which is what indexing costs. */
function tooLarge(bytes: number, what: 'text' | 'kept text'): string {
  const measured = what === 'text' ? describeSize(bytes) : `${describeSize(bytes)} of text kept from it`;
  return `too large (${measured}, over the ${describeSize(MAX_ARTICLE_BYTES)} limit: an article that size takes minutes and gigabytes to index) — split it into several files`;
}

/** One form for URLs that name the same page: no fragment, tracking parameters or trailing slash; http or https alike. */
function urlKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    for (const name of [...u.searchParams.keys()]) if (/^utm_|^fbclid$|^gclid$/.test(name)) u.searchParams.delete(name);
    return `${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return undefined;
  }
}

/** Text as the duplicate checks compare it: typography folded, lower case, runs of white space as one. */
function comparable(text: string): string {
  return foldTypography(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

function textKey(text: string): string {
  return createHash('sha256').update(comparable(text)).digest('hex');
}

/** The article's paragraphs after its title, compared as textKey compares whole texts. */
function bodyLines(text: string): string[] {
  return text.split('\n').map(comparable).filter(Boolean).slice(1);
}

/** Share of an article's paragraphs another states word for word, above which it is that article again. */
const SAME_BODY = 0.9;
const SAME_BODY_MIN_LINES = 3;

/**
 * The same story under a new headline or URL (a syndicated copy, a re-saved page): nearly all of
 * its paragraphs stand word for word in one article already there. Added, it would count as a
 * second source for every sentence, and its shared lines as furniture repeated across articles.
 */
function sameBody(candidateLines: readonly string[], existing: string): boolean {
  if (candidateLines.length < SAME_BODY_MIN_LINES) return false;
  const there = new Set(bodyLines(existing));
  return candidateLines.filter((l) => there.has(l)).length >= SAME_BODY * candidateLines.length;
}

/** sources.json as it stands, every entry kept as written (even those whose file is gone). */
async function readSourcesFile(path: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    // loadCorpus has already validated it, so this is a change made meanwhile: better to stop than to overwrite it.
    throw new IngestError(path, `cannot be read safely (${(error as Error).message}); nothing was written`);
  }
}

/**
 * sources.json, then the article. If the article cannot be written, sources.json is put back as it
 * was, so the corpus never describes a file it does not hold; a folder that takes neither says so
 * in words, not as Node's "EPERM: operation not permitted, open '…tmp'".
 */
async function writeBoth(options: { corpusDir: string; input: string }, sourcesPath: string, sourcesText: string, articlePath: string, articleText: string): Promise<void> {
  const before = await readFile(sourcesPath, 'utf8').catch(() => undefined);
  try {
    await writeFileAtomic(sourcesPath, sourcesText);
    try {
      await writeFileAtomic(articlePath, articleText);
    } catch (error) {
      await (before === undefined ? unlink(sourcesPath) : writeFileAtomic(sourcesPath, before)).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    // No permission, a read-only disk, no space, a folder where the file would go: all one to the admin.
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new IngestError(options.input, `the corpus folder ${options.corpusDir} cannot be written (${code}); nothing was added — check its permissions and free space, or set CORPUS_DIR to another folder`);
    throw error;
  }
}

/** Only fields sources.json accepts: a page's odd date or URL is left out rather than making the corpus unloadable. */
function entryFor(candidate: Candidate): SourceMeta {
  const entry: Record<string, string> = { title: candidate.title };
  for (const field of ['publisher', 'published', 'url'] as const) {
    const value = candidate[field];
    if (value && SourceMetaSchema.safeParse({ title: candidate.title, [field]: value }).success) entry[field] = value;
  }
  return SourceMetaSchema.parse(entry);
}

/** The index an add leaves, from this process's last add or the saved one, so several inputs load it once. */
let lastAdded: { dataDir: string; key: string; index: KnowledgeIndex } | undefined;

/**
 * The index of the corpus with the article in it: the saved index with the article added when
 * there is one for the corpus as it stands and it is large enough to add to, else a build. The
 * record of an add is saved (`save`) only once the article is written.
 */
async function indexAfter(existing: Article[], after: Article[], article: Article, dataDir: string | undefined, minPassages?: number): Promise<{ index: KnowledgeIndex; save?: () => void }> {
  if (dataDir) {
    const key = indexKey(existing);
    const base = lastAdded?.dataDir === dataDir && lastAdded.key === key ? lastAdded.index : (loadSavedIndex(dataDir, existing) ?? (await loadSavedWithAdditions(dataDir, existing)));
    if (base && shouldAddIncrementally(base, [article], minPassages)) {
      const index = addArticles(base, [article], after);
      // The base is spent (an add extends it in place): only the new index may be used again.
      lastAdded = undefined;
      return {
        index,
        save: () => {
          lastAdded = { dataDir, key: indexKey(after), index };
          try {
            saveAdditions(dataDir, index);
          } catch {
            // The article is in the corpus either way: without the record, the bot's next start builds its index again.
          }
        },
      };
    }
  }
  return { index: buildIndex(after) };
}

/**
 * Adds one article to the corpus folder: `<slug>.txt` (or `.md`) and its sources.json entry,
 * both written atomically, sources.json first, so a running bot's live reload sees the article
 * complete with its metadata. The same article twice (same canonical URL, the same text, or the
 * same story under a new headline) is refused unless `force`, which replaces it under its existing name.
 */
export async function addArticle(options: AddOptions): Promise<AddResult> {
  const candidate = await readCandidate(options.input, options.fetchLimits ?? DEFAULT_FETCH_LIMITS);
  const size = Buffer.byteLength(candidate.text);
  const fromPage = IS_URL.test(options.input) || ['.html', '.htm'].includes(extname(options.input).toLowerCase());
  if (size > MAX_ARTICLE_BYTES) throw new IngestError(options.input, tooLarge(size, fromPage ? 'kept text' : 'text'));
  const existing = await loadCorpus(options.corpusDir, { onBadFile: () => undefined });

  const url = urlKey(candidate.url);
  const text = textKey(candidate.text);
  let duplicate: { article: Article; why: 'the same URL' | 'the same text' | 'nearly the same text' } | undefined;
  for (const article of existing) {
    if (url && urlKey(article.url) === url) duplicate = { article, why: 'the same URL' };
    else if (textKey(article.rawText) === text) duplicate = { article, why: 'the same text' };
    if (duplicate) break;
  }
  if (!duplicate) {
    const lines = bodyLines(candidate.text);
    const copied = existing.find((a) => sameBody(lines, a.rawText));
    if (copied) duplicate = { article: copied, why: 'nearly the same text' };
  }
  if (duplicate && !options.force) {
    const { file, title, publisher, published, url: existingUrl } = duplicate.article;
    return { status: 'duplicate', file, title, why: duplicate.why, publisher, published, url: existingUrl };
  }

  const source = duplicate?.article.source ?? uniqueSlug(slugify(candidate.title), new Set(existing.map((a) => a.source)));
  const file = `${source}${candidate.extension}`;
  const entry = entryFor(candidate);
  const article: Article = { source, file, rawText: candidate.text, ...entry, hash: createHash('sha256').update(candidate.text).digest('hex') };

  // The index the corpus will have, so the counts and new facts printed are the bot's own.
  // In the order loadCorpus gives (code units, not locale): the saved index's key depends on it.
  const after = [...existing.filter((a) => a.source !== source), article].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const { index, save } = await indexAfter(existing, after, article, duplicate === undefined ? options.dataDir : undefined, options.minPassagesToAdd);
  const passages = index.passages.filter((p) => p.sources.includes(source)).length;
  if (passages === 0) throw new IngestError(options.input, 'nothing to index: no passage of it reads as reporting');

  const sourcesPath = join(options.corpusDir, METADATA_FILE);
  const sources = await readSourcesFile(sourcesPath);
  const replacedFile = duplicate && duplicate.article.file !== file ? duplicate.article.file : undefined;
  if (replacedFile) delete sources[replacedFile];
  sources[file] = entry;
  await writeBoth(options, sourcesPath, `${JSON.stringify(sources, null, 2)}\n`, join(options.corpusDir, file), candidate.text);
  if (replacedFile) await unlink(join(options.corpusDir, replacedFile)).catch(() => undefined);
  save?.();

  return {
    status: duplicate ? 'replaced' : 'added',
    file,
    ...entry,
    passages,
    facts: newFacts(index, source).map((p) => p.text),
    ...(size > LARGE_ARTICLE_BYTES ? { note: `a large article (${describeSize(size)} of text): the bot's next start takes longer to index it` } : {}),
  };
}
