/** The question in a message: the text without mentions of this bot (`<@id>` / `<@!id>`). */
export function questionFromMessage(content: string, botId: string): string {
  return content.split(`<@${botId}>`).join(' ').split(`<@!${botId}>`).join(' ').replace(/\s+/g, ' ').trim();
}
