import type { Digest } from '../../src/digest/schema.js';
import type { CitationLinker } from '../shared/citation-link.js';
import type { Style } from './style.js';
import { count } from '../shared/plural.js';

const meta = (s: { publisher: string | null; published: string | null }) => [s.publisher, s.published].filter(Boolean).join(', ');

export function formatDigest(digest: Digest, style: Style, link?: CitationLinker): string {
  const lines = [style.bold(`📰 Grok V9-Medium digest — ${digest.dateLabel}`), ''];
  if (digest.introduction) {
    lines.push(`Sources (${count(digest.sourceCount, 'article')}):`, ...digest.introduction.map((s) => `  • ${s.title}${meta(s) ? style.dim(` — ${meta(s)}`) : ''}`), '');
  }
  if (digest.newCoverage.length > 0) lines.push('New coverage:', ...digest.newCoverage.map((s) => `  • ${s.title}`), '');
  if (digest.factOfTheDay) {
    const c = digest.factOfTheDay.citation;
    const url = link?.(c);
    lines.push(style.cyan('📌 Fact of the day'), `  “${c.display}”`, style.dim(`  — ${c.title}${meta(c) ? `, ${meta(c)}` : ''} (${c.source} @ ${c.start}–${c.end})`), ...(url ? [`  ${style.cyan(url)}`] : []), '');
  }
  if (digest.mostAsked.length > 0) {
    lines.push(style.cyan('🔥 Most asked in the last 24 hours'), ...digest.mostAsked.map((m, i) => `  ${i + 1}. ${m.question} (${m.count}×)\n     ${m.answer}`), '');
  }
  for (const d of digest.disagreements) {
    lines.push(style.yellow(`⚠ Sources disagree on ${d.about}: ${d.sides.map((s) => `${s.value} (${s.title})`).join(' vs ')}`));
  }
  return lines.join('\n').trimEnd();
}
