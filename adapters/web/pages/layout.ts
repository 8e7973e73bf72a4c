import { html, type Html } from '../html.js';

/** Every page's frame: one stylesheet, no script, a skip link, a viewport that fits phones. */
export function page(title: string, body: Html, options: { admin?: boolean } = {}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · grok-facts</title>
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="site"><a class="brand" href="/sources">grok-facts</a><a href="/sources">Sources</a>${options.admin ? html`<a href="/admin">Admin</a>` : ''}</header>
<main id="content">
${body}
</main>
<footer class="site">Quotes are verbatim from the articles. Dimmed text is page furniture the bot does not index.</footer>
</body>
</html>`.value;
}

export function notFoundPage(what: string): string {
  return page('Not found', html`<h1>Not found</h1><p>${what}</p><p><a href="/sources">See all sources</a></p>`);
}
