/** The question in an app_mention: the text without mentions of this bot (`<@U…>` / `<@U…|name>`). */
export function questionFromMention(text: string, botUserId: string | undefined): string {
  const id = botUserId ?? 'U_UNKNOWN';
  return text
    .replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, (mention, user: string) => (user === id ? ' ' : mention))
    .replace(/\s+/g, ' ')
    .trim();
}

/** `digest on 08:30 Europe/Berlin`: the word with a colon is the time, the one with a slash (or UTC) the zone. */
export function parseDigestOn(args: readonly string[]): { time?: string; tz?: string } {
  return {
    time: args.find((a) => /^\d{1,2}:\d{2}$/.test(a) || /^\d+$/.test(a)),
    tz: args.find((a) => a.includes('/') || /^(utc|gmt)$/i.test(a)) ?? args.find((a) => !/^\d/.test(a)),
  };
}
