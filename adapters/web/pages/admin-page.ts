import type { Insights } from '../../../src/insights/schema.js';
import { sourcePath } from '../../shared/citation-link.js';
import { html, type Html } from '../html.js';
import { perDayChart } from './chart.js';
import { page } from './layout.js';

const LOAD_FROM = { saved: 'read from its saved copy', built: 'built from the files', added: 'extended with the new articles', unchanged: 'unchanged: nothing new in the folder' } as const;

const none = (what: string) => html`<p class="meta">${what}</p>`;

interface Column {
  label: string;
  className?: string;
}

/**
 * A table whose cells carry their column's name, so on a phone each row stacks into a small
 * card ("Time: 08:30 Europe/Berlin") instead of squeezing five columns into 390 pixels.
 */
function table(columns: readonly Column[], rows: readonly (readonly unknown[])[], className: string): Html {
  return html`<div class="table-wrap"><table class="${className} stack"><thead><tr>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead><tbody>${rows.map(
    (row) => html`<tr>${row.map((value, i) => html`<td data-label="${columns[i]!.label}"${columns[i]!.className ? html` class="${columns[i]!.className}"` : ''}>${value}</td>`)}</tr>`,
  )}</tbody></table></div>`;
}

export function adminPage(insights: Insights, csrf: string): string {
  const totals = insights.perDay.reduce((t, d) => ({ answered: t.answered + d.answered, refused: t.refused + d.refused }), { answered: 0, refused: 0 });
  const c = insights.corpus;
  const body = html`<h1>Admin</h1>
<form method="post" action="/admin/logout"><input type="hidden" name="csrf" value="${csrf}"><button type="submit" class="link">Log out</button></form>
${insights.databaseProblem ? html`<p class="note warn" role="alert">Nothing is being kept: ${insights.databaseProblem}. Until then the bot answers, but questions, feedback and digest subscriptions live in memory only, the figures below cover this run alone, and digests are paused.</p>` : ''}

<h2 id="per-day">Questions per day (last ${insights.days} days)</h2>
<p>${totals.answered} answered, ${totals.refused} refused.</p>
${perDayChart(insights.perDay)}

<h2 id="refused">Most refused questions (last ${insights.refusedDays} days)</h2>
<p class="meta">What people ask that the sources can't answer: the gaps new articles should fill. Near-identical wordings are grouped.</p>
${
  insights.topRefused.length === 0
    ? none('No refused questions.')
    : table(
        [{ label: 'Question', className: 'question' }, { label: 'Times', className: 'num' }, { label: 'Also worded' }],
        insights.topRefused.map((r) => [r.question, r.count, r.wordings.length > 1 ? r.wordings.slice(1).join(' · ') : '—']),
        'refused',
      )
}

<h2 id="not-helpful">Answers marked not helpful</h2>
${
  insights.notHelpful.length === 0
    ? none('No answers marked not helpful.')
    : html`<ul class="plain not-helpful">${insights.notHelpful.map(
        (f) => html`<li><strong>${f.question ?? '(question not known)'}</strong> <span class="meta">${f.platform} · ${f.at.slice(0, 16).replace('T', ' ')} UTC</span>${
          f.cited
            ? html`<blockquote>“${f.cited.display}” — <a href="${sourcePath(f.cited.source, f.cited)}">${f.cited.title ?? f.cited.source}</a></blockquote>`
            : ''
        }</li>`,
      )}</ul>`
}

<h2 id="most-asked">Most asked (last ${insights.days} days)</h2>
${
  insights.mostAsked.length === 0
    ? none('No questions yet.')
    : table([{ label: 'Question', className: 'question' }, { label: 'Times', className: 'num' }], insights.mostAsked.map((q) => [q.question, q.count]), 'most-asked')
}

<h2 id="digests">Digest subscriptions</h2>
${
  insights.subscriptions.length === 0
    ? none('No channel subscribes to the daily digest.')
    : table(
        [{ label: 'Platform' }, { label: 'Channel' }, { label: 'Time' }, { label: 'Zone' }, { label: 'Last delivery' }, { label: 'Paused' }],
        insights.subscriptions.map((s) => [
          s.platform,
          html`<code>${s.channel}</code>`,
          s.time,
          s.tz,
          s.lastDelivery ? `${s.lastDelivery.localDate} (${s.lastDelivery.state})` : 'never',
          s.pausedReason ?? '—',
        ]),
        'subscriptions',
      )
}

<h2 id="corpus">Corpus health</h2>
<ul class="plain corpus">
<li>${c.articles} articles, ${c.passages} passages, ${c.terms} index terms</li>
<li>Last reload: ${c.lastReload ? `${c.lastReload.at.slice(0, 19).replace('T', ' ')} UTC (${c.lastReload.kind === 'start' ? 'at start' : 'reload'}, ${c.lastReload.articles} articles, index ${LOAD_FROM[c.lastReload.from]})` : 'not known'}</li>
<li>Skipped files: ${c.skipped.length === 0 ? 'none' : html`<ul class="plain skipped">${c.skipped.map((s) => html`<li><code>${s.file}</code>: ${s.reason}</li>`)}</ul>`}</li>
</ul>`;
  return page('Admin', body, { admin: true });
}

export function loginPage(csrf: string, message?: string): string {
  const body = html`<h1>Admin</h1>
${message ? html`<p class="note warn" role="alert">${message}</p>` : ''}
<form class="login" method="post" action="/admin/login">
<input type="hidden" name="csrf" value="${csrf}">
<label for="token">Admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button>
</form>`;
  return page('Admin login', body);
}
