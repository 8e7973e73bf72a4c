/**
 * Slack turns `<!everyone>`, `<!here>`, `<!channel>` and `<@U…>` in mrkdwn into pings and links.
 * Escaping &, < and > (https://api.slack.com/reference/surfaces/formatting#escaping) makes any
 * user or article text inert.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
