import type { SourceSummary } from '../../../src/engine/source-summary.js';
import { sourcePath } from '../../shared/citation-link.js';
import { html } from '../html.js';
import { page } from './layout.js';

export function sourcesPage(sources: readonly SourceSummary[], skipped: readonly { file: string; reason: string }[]): string {
  const body = html`<h1>Sources</h1>
<p>${sources.length} article${sources.length === 1 ? '' : 's'} the bot answers from. Each citation opens its passage in the article.</p>
<ul class="plain sources">${sources.map(
    (s) => html`<li><a href="${sourcePath(s.source)}">${s.title}</a><br><span class="meta">${[s.publisher, s.published].filter(Boolean).join(' · ')}${
      s.publisher || s.published ? ' · ' : ''
    }${s.passages} passage${s.passages === 1 ? '' : 's'}</span></li>`,
  )}</ul>
${
  skipped.length > 0
    ? html`<h2>Left out of the corpus</h2><ul class="plain skipped">${skipped.map((s) => html`<li><code>${s.file}</code>: ${s.reason}</li>`)}</ul>`
    : html`<p class="meta">No files were left out of the corpus.</p>`
}`;
  return page('Sources', body);
}
