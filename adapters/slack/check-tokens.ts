import { webApi, type Logger as BoltLogger } from '@slack/bolt';

export class SlackConfigError extends Error {}

type TokenVariable = 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';

/** Slack's answers to a token it does not accept: the token is wrong, revoked, or its workspace is gone. */
const REJECTED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'user_removed_from_team', 'team_disabled', 'not_allowed_token_type']);
const CHECK_TIMEOUT_MS = 10_000;

/**
 * A token Slack turns down, said in one line that names the variable (never its value), instead of
 * the Web API's stack trace; anything else (a port in use, the network) goes on as it is.
 */
export function rejectedToken(error: unknown, variable: TokenVariable): unknown {
  const slackError = (error as { code?: string; data?: { error?: unknown } })?.data?.error;
  if ((error as { code?: string })?.code !== 'slack_webapi_platform_error' || typeof slackError !== 'string' || !REJECTED_TOKEN.has(slackError)) return error;
  const looksLike = variable === 'SLACK_BOT_TOKEN' ? 'xoxb-' : 'xapp-';
  return new SlackConfigError(`Slack rejected ${variable} (${slackError}) — check it in .env (it starts with ${looksLike}); see README, Connect Slack`);
}

/** Why a check could not be made, in words: Slack answered with an HTTP error, rate-limited it, or did not answer. */
function uncheckable(error: unknown, variable: TokenVariable, apiUrl: string | undefined): SlackConfigError | undefined {
  const e = error as { code?: string; statusCode?: number; retryAfter?: number; original?: { name?: string; code?: string | number; message?: string } };
  const where = apiUrl ? `SLACK_API_URL ${apiUrl}` : 'slack.com';
  const cannot = `could not check ${variable} with Slack`;
  switch (e?.code) {
    case 'slack_webapi_http_error':
      return new SlackConfigError(`${cannot}: ${where} answered HTTP ${e.statusCode ?? '?'} — start again later, or check SLACK_API_URL`);
    case 'slack_webapi_rate_limited_error':
      return new SlackConfigError(`${cannot}: Slack is limiting requests (retry after ${e.retryAfter ?? '?'} s) — start again then`);
    case 'slack_webapi_request_error': {
      const timedOut = e.original?.name === 'TimeoutError' || e.original?.name === 'AbortError' || /time ?out|aborted/i.test(e.original?.message ?? '');
      const reason = timedOut ? `no answer within ${CHECK_TIMEOUT_MS / 1000} s` : String(e.original?.code ?? e.original?.message ?? 'request failed');
      return new SlackConfigError(`could not reach Slack to check ${variable} (${reason}) — check the network and ${where}, then start again`);
    }
    default:
      return undefined;
  }
}

async function check(variable: TokenVariable, token: string, call: (client: InstanceType<typeof webApi.WebClient>) => Promise<unknown>, options: CheckOptions): Promise<void> {
  const client = new webApi.WebClient(token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 1, factor: 1, minTimeout: 500, maxTimeout: 500 },
    rejectRateLimitedCalls: true,
    timeout: CHECK_TIMEOUT_MS,
    logger: options.logger,
  });
  try {
    await call(client);
  } catch (error) {
    const rejected = rejectedToken(error, variable);
    if (rejected instanceof SlackConfigError) throw rejected;
    throw uncheckable(error, variable, options.apiUrl) ?? error;
  }
}

export interface CheckOptions {
  botToken: string;
  appToken?: string;
  apiUrl?: string;
  logger: BoltLogger;
}

/**
 * The tokens checked once, quickly, before Bolt starts: Bolt's own client retries a network
 * failure for half an hour, and Socket Mode retries a revoked app token for ever, either of which
 * leaves a start hanging without a word. The app token is checked the way Socket Mode uses it.
 */
export async function checkTokens(options: CheckOptions): Promise<void> {
  await check('SLACK_BOT_TOKEN', options.botToken, (client) => client.auth.test(), options);
  if (options.appToken) await check('SLACK_APP_TOKEN', options.appToken, (client) => client.apps.connections.open(), options);
}
