/** Button custom ids: `fb:up:<answerId>` / `fb:down:<answerId>` (Discord allows 100 characters). */
const PREFIX = 'fb';

export function feedbackButtonId(answerId: string, helpful: boolean): string {
  return `${PREFIX}:${helpful ? 'up' : 'down'}:${answerId}`;
}

export function parseFeedbackButtonId(customId: string): { answerId: string; helpful: boolean } | undefined {
  const match = /^fb:(up|down):([A-Za-z0-9_-]{1,64})$/.exec(customId);
  return match ? { helpful: match[1] === 'up', answerId: match[2]! } : undefined;
}
