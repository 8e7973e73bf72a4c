/** The pages' one stylesheet, served from /static/site.css (the CSP allows no inline style). */
export const SITE_CSS = `
:root { color-scheme: light; --text: #1a1a1a; --dim: #5c5c5c; --accent: #0b57d0; --mark: #ffe58a; --line: #d6d6d6; --bg: #fff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; overflow-wrap: anywhere; }
main, header.site, footer.site { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
header.site { padding-top: .75rem; padding-bottom: .75rem; border-bottom: 1px solid var(--line); display: flex; gap: 1rem; flex-wrap: wrap; align-items: baseline; }
header.site .brand { font-weight: 700; color: var(--text); text-decoration: none; }
footer.site { color: var(--dim); font-size: .85rem; padding-top: 2rem; padding-bottom: 2rem; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; border-radius: 2px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1.25rem 0 .5rem; }
h2 { font-size: 1.2rem; line-height: 1.3; margin: 1.5rem 0 .5rem; }
.meta { color: var(--dim); margin: 0 0 1rem; }
article p { margin: 0 0 1rem; }
.furniture { color: var(--dim); font-size: .9em; }
p.furniture { border-left: 3px solid var(--line); padding-left: .5rem; }
mark { background: var(--mark); color: #000; padding: .1em 0; scroll-margin-top: 30vh; }
mark:target, mark.first { outline: 2px solid #b58a00; }
.note { background: #f3f6fc; border: 1px solid #c7d3ea; border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.note.warn { background: #fff6e5; border-color: #f0c36d; }
ul.plain { padding-left: 1.2rem; }
ul.plain li { margin-bottom: .5rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th { white-space: nowrap; overflow-wrap: normal; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.table-wrap { overflow-x: auto; }
ul.corpus ul.skipped { margin-top: .25rem; }
/* On a phone each table row stacks into a card, every cell labelled with its column. */
@media (max-width: 36rem) {
  table.stack thead { position: absolute; left: -9999px; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border-bottom: 1px solid var(--line); padding: .4rem 0; }
  table.stack td { border: none; padding: .1rem 0; text-align: left; }
  table.stack td::before { content: attr(data-label) ": "; color: var(--dim); font-size: .9em; }
}
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 1rem 0; }
figure.chart svg { width: 100%; height: auto; display: block; }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; font-size: .9rem; color: var(--dim); }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em; vertical-align: -.05em; }
.swatch.answered { background: #1a73e8; } .swatch.refused { background: #d93025; }
form.login { display: grid; gap: .5rem; max-width: 22rem; }
input[type=password] { font: inherit; padding: .5rem; border: 1px solid #767676; border-radius: 4px; width: 100%; }
button { font: inherit; padding: .5rem 1rem; border-radius: 4px; border: 1px solid #0b57d0; background: #0b57d0; color: #fff; cursor: pointer; }
button.link { background: none; color: var(--accent); border: none; padding: 0; text-decoration: underline; }
blockquote { margin: .25rem 0 .5rem; padding-left: .75rem; border-left: 3px solid var(--line); }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .25rem .5rem; }
`;
