import type { Insights } from '../../../src/insights/schema.js';
import { html, type Html } from '../html.js';

const WIDTH = 600;
const HEIGHT = 200;
const PAD_LEFT = 48;
const PAD_BOTTOM = 32;
/** Labels at 22 units stay about 13 px tall when the 600-unit chart is drawn 358 px wide on a phone. */
const LABEL = 22;

/**
 * Questions per day as stacked bars (answered below, refused above), drawn on the server: one
 * `<g class="day">` per day, each with a <title> a screen reader or a hover can read.
 */
export function perDayChart(perDay: Insights['perDay']): Html {
  const max = Math.max(1, ...perDay.map((d) => d.answered + d.refused + d.unknown));
  const plotW = WIDTH - PAD_LEFT;
  const plotH = HEIGHT - PAD_BOTTOM;
  const slot = plotW / Math.max(1, perDay.length);
  const barW = Math.max(1, slot * 0.7);
  const y = (n: number) => (n / max) * (plotH - 10);
  const bars = perDay.map((d, i) => {
    const x = PAD_LEFT + i * slot + (slot - barW) / 2;
    const answered = y(d.answered + d.unknown);
    const refused = y(d.refused);
    const label = `${d.date}: ${d.answered} answered, ${d.refused} refused${d.unknown ? `, ${d.unknown} from before outcomes were kept` : ''}`;
    // A day without questions still gets a mark on the axis, so every day is visibly there.
    const empty = d.answered + d.refused + d.unknown === 0;
    return html`<g class="day" data-date="${d.date}" data-answered="${d.answered}" data-refused="${d.refused}"><title>${label}</title>${
      empty ? html`<rect x="${x.toFixed(1)}" y="${plotH - 3}" width="${barW.toFixed(1)}" height="3" fill="#c4c4c4"/>` : ''
    }<rect x="${x.toFixed(1)}" y="${(plotH - answered).toFixed(1)}" width="${barW.toFixed(1)}" height="${answered.toFixed(1)}" fill="#1a73e8"/><rect x="${x.toFixed(1)}" y="${(plotH - answered - refused).toFixed(1)}" width="${barW.toFixed(1)}" height="${refused.toFixed(1)}" fill="#d93025"/></g>`;
  });
  const first = perDay[0]?.date ?? '';
  const last = perDay[perDay.length - 1]?.date ?? '';
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">
<title id="chart-title">Questions per day, ${first} to ${last}: answered and refused</title>
<line x1="${PAD_LEFT}" y1="${plotH}" x2="${WIDTH}" y2="${plotH}" stroke="#767676"/>
<text x="${PAD_LEFT - 4}" y="20" text-anchor="end" font-size="${LABEL}" fill="#444">${max}</text>
<text x="${PAD_LEFT - 4}" y="${plotH}" text-anchor="end" font-size="${LABEL}" fill="#444">0</text>
${bars}
<text x="${PAD_LEFT}" y="${HEIGHT - 4}" font-size="${LABEL}" fill="#444">${first}</text>
<text x="${WIDTH}" y="${HEIGHT - 4}" text-anchor="end" font-size="${LABEL}" fill="#444">${last}</text>
</svg>
<figcaption class="legend"><span><span class="swatch answered"></span>answered</span><span><span class="swatch refused"></span>refused</span></figcaption>
</figure>`;
}
