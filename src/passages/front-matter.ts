import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { SourceMeta } from '../corpus/schema.js';
import { SourceMetaSchema } from '../corpus/schema.js';

/**
 * YAML front matter (`---\ntitle: …\npublisher: …\ndate: …\nurl: …\n---`) at the top of a
 * Markdown article: what the article says about itself. It is metadata, never a passage; the
 * Markdown parser's front-matter extension gives it as one `yaml` node with its source
 * position, so the offsets of everything after it are those of the raw file, unchanged.
 */

/** Names writers use for each field of sources.json; the first whose value is usable wins. */
const FIELDS: Record<keyof SourceMeta, readonly string[]> = {
  title: ['title', 'headline'],
  publisher: ['publisher', 'site', 'source', 'outlet'],
  published: ['date', 'published', 'datePublished', 'pubDate'],
  url: ['url', 'canonical', 'canonical_url', 'canonicalUrl', 'link'],
};

/** A date as sources.json wants it (the yaml package's YAML 1.2 schema keeps dates as strings): writers add times ("2026-05-25T09:00:00Z"). */
function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(value.trim())?.[1] : undefined;
}

/**
 * The metadata of the front matter in a parsed Markdown tree, each field only where it is valid
 * as sources.json would accept it: a malformed date or URL is left out rather than making the
 * corpus unloadable, and front matter that is not YAML at all gives nothing.
 */
export function frontMatterOf(tree: Root): Partial<SourceMeta> {
  const node = tree.children[0];
  if (node?.type !== 'yaml') return {};
  let data: unknown;
  try {
    data = parseYaml(node.value);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const meta: Partial<SourceMeta> = {};
  for (const [field, names] of Object.entries(FIELDS) as [keyof SourceMeta, readonly string[]][]) {
    // The first name whose value passes: "title: 42" does not hide a good "headline".
    const shape = SourceMetaSchema.shape[field];
    for (const name of names) {
      const raw = record[name];
      const value = field === 'published' ? isoDate(raw) : typeof raw === 'string' ? raw.trim() : undefined;
      if (value && shape.safeParse(value).success) {
        meta[field] = value;
        break;
      }
    }
  }
  return meta;
}

/**
 * What is wrong with a Markdown article's front matter, in a few words, or undefined when it is
 * fine or absent. Broken front matter is not metadata: an unclosed `---` block is read as the
 * article's text ("title: …" becomes a passage), and invalid YAML gives no fields. Either way the
 * admin should hear of it rather than find the article titled from its first line.
 */
export function frontMatterProblem(raw: string): string | undefined {
  const text = raw.replace(/^\uFEFF/, '');
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^---[ \t]*$/m.exec(text.slice(open[0].length));
  if (!close) return 'its front matter opens with --- but is never closed, so it is read as text';
  let data: unknown;
  try {
    data = parseYaml(text.slice(open[0].length, open[0].length + close.index));
  } catch (error) {
    return `its front matter is not valid YAML (${(error as Error).message.split('\n')[0]}), so it gives no title, publisher, date or url`;
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) return 'its front matter is not a list of fields (title: …), so it gives no title, publisher, date or url';
  return undefined;
}
