/**
 * Schema migrations, applied in order; PRAGMA user_version records how many have run. Append
 * only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack')),
    workspace TEXT NOT NULL,
    channel TEXT NOT NULL,
    time TEXT NOT NULL,
    tz TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled_reason TEXT,
    UNIQUE (platform, channel)
  );

  -- One row per subscription and local calendar day: the claim that makes a digest exactly-once.
  CREATE TABLE deliveries (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    local_date TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed')),
    claimed_by TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    next_attempt_at TEXT,
    sent_at TEXT,
    last_error TEXT,
    PRIMARY KEY (subscription_id, local_date)
  );

  -- Articles (by content hash) a channel has been shown, for "new coverage".
  CREATE TABLE shown_articles (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    hash TEXT NOT NULL,
    PRIMARY KEY (subscription_id, hash)
  );

  -- Key facts a channel has had as fact of the day, so none repeats before all have been shown.
  CREATE TABLE fact_rotation (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
    fact_key TEXT NOT NULL,
    shown_on TEXT NOT NULL,
    PRIMARY KEY (subscription_id, fact_key)
  );

  -- Question text only: never who asked.
  CREATE TABLE question_log (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    workspace TEXT NOT NULL,
    question TEXT NOT NULL,
    normalized TEXT NOT NULL,
    asked_at TEXT NOT NULL
  );
  CREATE INDEX question_log_recent ON question_log (workspace, asked_at);

  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    answer_id TEXT NOT NULL,
    question TEXT,
    helpful INTEGER NOT NULL,
    platform TEXT NOT NULL,
    at TEXT NOT NULL
  );
  `,
  // 2: what each question got (answered / refused) and the passage it cited, and for feedback the
  // passage the rated answer quoted: the admin page's gaps and 👎 list. Still no user ids.
  `
  ALTER TABLE question_log ADD COLUMN outcome TEXT CHECK (outcome IN ('answered', 'refused'));
  ALTER TABLE question_log ADD COLUMN cited_source TEXT;
  ALTER TABLE question_log ADD COLUMN cited_start INTEGER;
  ALTER TABLE question_log ADD COLUMN cited_end INTEGER;
  CREATE INDEX question_log_asked_at ON question_log (asked_at);
  -- A 👎 click carries the question text; the passage its answer cited is found by it.
  CREATE INDEX question_log_question ON question_log (question);

  ALTER TABLE feedback ADD COLUMN cited_source TEXT;
  ALTER TABLE feedback ADD COLUMN cited_start INTEGER;
  ALTER TABLE feedback ADD COLUMN cited_end INTEGER;
  ALTER TABLE feedback ADD COLUMN cited_quote TEXT;
  `,
];
