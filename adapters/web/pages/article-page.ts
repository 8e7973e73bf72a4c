import type { ArticleLayout, Block } from '../../../src/reading/article-layout.js';
import { sourcePath } from '../../shared/citation-link.js';
import { html, type Html } from '../html.js';
import { page } from './layout.js';

function renderSegments(block: Block, state: { firstMark: boolean }): Html[] {
  return block.segments.map((s) => {
    let piece: Html = s.furniture ? html`<span class="furniture">${s.text}</span>` : html`${s.text}`;
    if (s.highlighted) {
      // The first highlighted piece is the link target, so the browser scrolls it into view without script.
      piece = state.firstMark ? html`<mark id="passage" class="first">${piece}</mark>` : html`<mark>${piece}</mark>`;
      state.firstMark = false;
    }
    return piece;
  });
}

function renderBlock(block: Block, state: { firstMark: boolean }): Html {
  const inner = renderSegments(block, state);
  if (block.kind === 'heading') return html`<h2>${inner}</h2>`;
  return html`<p${block.kind === 'furniture' ? html` class="furniture"` : ''}>${inner}</p>`;
}

export function articlePage(layout: ArticleLayout): string {
  const { article, highlight } = layout;
  const meta = [article.publisher, article.published].filter(Boolean).join(' · ');
  const state = { firstMark: true };
  // A citation of the headline line itself is highlighted in the title, where that line is shown.
  const headlineCited = layout.headlineBlock?.segments.some((s) => s.highlighted) ?? false;
  const title = headlineCited ? renderSegments(layout.headlineBlock!, state) : (layout.headline ?? article.title);
  const blocks = layout.blocks.map((b) => renderBlock(b, state));
  const alsoIn =
    highlight && highlight.alsoIn.length > 0
      ? html`<aside class="note" aria-label="Also reported in"><strong>Also in:</strong> <ul class="plain">${highlight.alsoIn.map(
          (a) => html`<li><a class="also-in" href="${sourcePath(a.source, a)}">${a.title}</a></li>`,
        )}</ul></aside>`
      : '';
  const body = html`<article>
<h1>${title}</h1>
<p class="meta">${meta}${meta ? ' · ' : ''}<code>${article.source}</code>${article.url && /^https?:\/\//i.test(article.url) ? html` · <a href="${article.url}" rel="noopener noreferrer">original</a>` : ''}</p>
${layout.badRange ? html`<p class="note warn">That passage range is not part of this article; showing the whole article.</p>` : ''}
${highlight ? html`<p class="note"><a href="#passage">Go to the cited passage</a> (characters ${highlight.start}–${highlight.end}).</p>` : ''}
${alsoIn}
${blocks}
</article>`;
  return page(article.title, body);
}
