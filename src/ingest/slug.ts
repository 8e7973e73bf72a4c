const MAX_SLUG = 60;
/** Latin letters Unicode does not decompose into a base letter and a mark, written as their usual ASCII. */
const UNDECOMPOSED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i' };

/** A file name from a title: lower-case ASCII words joined by hyphens, cut at a word boundary. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđłþðı]/g, (c) => UNDECOMPOSED[c]!)
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, MAX_SLUG) || 'article';
}

/** The slug itself, or with -2, -3 … appended when a source of that name exists (a source id is the name without extension). */
export function uniqueSlug(slug: string, takenSources: ReadonlySet<string>): string {
  if (!takenSources.has(slug)) return slug;
  for (let n = 2; ; n++) if (!takenSources.has(`${slug}-${n}`)) return `${slug}-${n}`;
}
