/**
 * How large an article `add` takes. The bench's 20 MB article (npm run bench) indexes in about
 * 15 s at under 1 GB; a 50 MB file took 43 s at 2.2 GB on the bot's next start, with no word at
 * add time. So: up to LARGE, nothing said; up to MAX, added with a note of what it costs; over
 * MAX, refused with the way on (split it). Saved pages are measured by the text kept from them.
 */
export const LARGE_ARTICLE_BYTES = 5 * 1024 * 1024;
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;
/** A saved page is mostly markup and scripts; one far past this is not an article page. */
export const MAX_PAGE_FILE_BYTES = 4 * MAX_ARTICLE_BYTES;

export function describeSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 1 : 0)} MB`;
}
