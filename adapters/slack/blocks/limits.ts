/** Block Kit limits (https://api.slack.com/reference/block-kit/blocks). */
export const SLACK_LIMITS = {
  sectionText: 3000,
  contextElementText: 2000,
  blocks: 50,
  fallbackText: 3000,
  buttonValue: 2000,
  buttonText: 75,
} as const;
