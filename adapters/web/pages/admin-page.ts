import type { Insights } from '../../../src/insights/schema.js';
import { sourcePath } from '../../shared/citation-link.js';
import { html, type Html } from '../html.js';
import { perDayChart } from './chart.js';
import { page } from './layout.js';

const none = (what: string) => html`<p class="meta">${what}</p>`;

function table(headers: readonly string[], rows: readonly Html[], className: string): Html {
  return html`<div class="table-wrap"><table class="${className}"><thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function adminPage(insights: Insights, csrf: string): string {
  const totals = insights.perDay.reduce((t, d) => ({ answered: t.answered + d.answered, refused: t.refused + d.refused }), { answered: 0, refused: 0 });
  const c = insights.corpus;
  const body = html`<h1>Admin</h1>
<form method="post" action="/admin/logout"><input type="hidden" name="csrf" value="${csrf}"><button type="submit" class="link">Log out</button></form>

<h2 id="per-day">Questions per day (last ${insights.days} days)</h2>
<p>${totals.answered} answered, ${totals.refused} refused.</p>
${perDayChart(insights.perDay)}

<h2 id="refused">Most refused questions (last ${insights.refusedDays} days)</h2>
<p class="meta">What people ask that the sources can't answer: the gaps new articles should fill. Near-identical wordings are grouped.</p>
${
  insights.topRefused.length === 0
    ? none('No refused questions.')
    : table(
        ['Question', 'Times', 'Wordings'],
        insights.topRefused.map((r) => html`<tr><td class="question">${r.question}</td><td class="num">${r.count}</td><td>${r.wordings.length > 1 ? r.wordings.slice(1).join(' · ') : '—'}</td></tr>`),
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
            ? html`<blockquote>“${f.cited.quote}” — <a href="${sourcePath(f.cited.source, f.cited)}">${f.cited.title ?? f.cited.source}</a></blockquote>`
            : ''
        }</li>`,
      )}</ul>`
}

<h2 id="most-asked">Most asked (last ${insights.days} days)</h2>
${
  insights.mostAsked.length === 0
    ? none('No questions yet.')
    : table(['Question', 'Times'], insights.mostAsked.map((q) => html`<tr><td>${q.question}</td><td class="num">${q.count}</td></tr>`), 'most-asked')
}

<h2 id="digests">Digest subscriptions</h2>
${
  insights.subscriptions.length === 0
    ? none('No channel subscribes to the daily digest.')
    : table(
        ['Platform', 'Channel', 'Time', 'Last delivery', 'Paused'],
        insights.subscriptions.map(
          (s) =>
            html`<tr><td>${s.platform}</td><td><code>${s.channel}</code></td><td>${s.time} ${s.tz}</td><td>${
              s.lastDelivery ? `${s.lastDelivery.localDate} (${s.lastDelivery.state})` : 'never'
            }</td><td>${s.pausedReason ?? '—'}</td></tr>`,
        ),
        'subscriptions',
      )
}

<h2 id="corpus">Corpus health</h2>
<ul class="plain corpus">
<li>${c.articles} articles, ${c.passages} passages, ${c.terms} index terms</li>
<li>Last reload: ${c.lastReload ? `${c.lastReload.at.slice(0, 19).replace('T', ' ')} UTC (${c.lastReload.articles} articles, index ${c.lastReload.from})` : 'none since start'}</li>
<li>Skipped files: ${c.skipped.length === 0 ? 'none' : ''}</li>
</ul>
${c.skipped.length > 0 ? html`<ul class="plain skipped">${c.skipped.map((s) => html`<li><code>${s.file}</code>: ${s.reason}</li>`)}</ul>` : ''}`;
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
