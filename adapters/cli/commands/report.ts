import type { Engine } from '../../../src/engine/engine.js';
import { collectInsights } from '../../../src/insights/collect-insights.js';
import { createCorpusStatus } from '../../../src/insights/corpus-status.js';
import type { Insights } from '../../../src/insights/schema.js';
import { openStoreOrExplain } from '../../../src/store/open-store.js';
import type { Style } from '../style.js';
import { count } from '../../shared/plural.js';

/** The admin page's insights in a terminal, for whoever runs the bot without a public URL. */
/**
 * The corpus is read by this process, as the bot would read it now; when the running bot last
 * reloaded is known only to it (the admin page shows it), so lastReload is null here.
 */
export function printReport(engine: Engine, dataDir: string, options: { days: number; json: boolean; style: Style; out: NodeJS.WritableStream }): number {
  const db = openStoreOrExplain(dataDir);
  try {
    const insights = collectInsights({ db, index: engine.index, corpus: createCorpusStatus({ skipped: engine.skipped() }), days: options.days });
    options.out.write(options.json ? `${JSON.stringify(insights)}\n` : formatReport(insights, options.style));
    return 0;
  } finally {
    db.close();
  }
}

const BAR_WIDTH = 30;

export function formatReport(insights: Insights, style: Style): string {
  const out: string[] = [];
  const heading = (text: string) => out.push('', style.bold(text));
  const max = Math.max(1, ...insights.perDay.map((d) => d.answered + d.refused + d.unknown));
  const totals = insights.perDay.reduce((t, d) => ({ answered: t.answered + d.answered, refused: t.refused + d.refused }), { answered: 0, refused: 0 });

  out.push(style.bold(`grok-facts report — last ${count(insights.days, 'day')} (UTC)`));
  heading(`Questions per day: ${totals.answered} answered, ${totals.refused} refused`);
  for (const d of insights.perDay) {
    const answered = Math.round(((d.answered + d.unknown) / max) * BAR_WIDTH);
    const refused = Math.round((d.refused / max) * BAR_WIDTH);
    out.push(`  ${d.date}  ${style.cyan('█'.repeat(answered))}${style.red('▒'.repeat(refused))}${' '.repeat(Math.max(1, BAR_WIDTH + 1 - answered - refused))}${d.answered} answered, ${d.refused} refused`);
  }

  heading(`Most refused (last ${count(insights.refusedDays, 'day')}) — the gaps new articles should fill`);
  if (insights.topRefused.length === 0) out.push(style.dim('  none'));
  for (const r of insights.topRefused) {
    out.push(`  ${String(r.count).padStart(4)}×  ${r.question}`);
    for (const w of r.wordings.slice(1, 4)) out.push(style.dim(`         also: ${w}`));
  }

  heading('Answers marked 👎');
  if (insights.notHelpful.length === 0) out.push(style.dim('  none'));
  for (const f of insights.notHelpful) {
    out.push(`  ${f.question ?? '(question not known)'} ${style.dim(`— ${f.platform}, ${f.at.slice(0, 16).replace('T', ' ')}`)}`);
    if (f.cited) out.push(style.dim(`      “${f.cited.display}” — ${f.cited.title ?? f.cited.source} @ ${f.cited.start}–${f.cited.end}`));
  }

  heading(`Most asked (last ${count(insights.days, 'day')})`);
  if (insights.mostAsked.length === 0) out.push(style.dim('  none'));
  for (const q of insights.mostAsked) out.push(`  ${String(q.count).padStart(4)}×  ${q.question}`);

  heading('Digest subscriptions');
  if (insights.subscriptions.length === 0) out.push(style.dim('  none'));
  for (const s of insights.subscriptions) {
    const last = s.lastDelivery ? `last ${s.lastDelivery.localDate} (${s.lastDelivery.state})` : 'never delivered';
    out.push(`  ${s.platform} ${s.channel} at ${s.time} ${s.tz} · ${last}${s.pausedReason ? style.yellow(` · paused: ${s.pausedReason}`) : ''}`);
  }

  const c = insights.corpus;
  heading('Corpus');
  out.push(`  ${count(c.articles, 'article')}, ${count(c.passages, 'passage')}, ${count(c.terms, 'index term')}`);
  if (c.skipped.length === 0) out.push(style.dim('  no files skipped'));
  for (const s of c.skipped) out.push(style.yellow(`  skipped ${s.file}: ${s.reason}`));
  return `${out.join('\n')}\n`;
}
