import type { Db } from '../store/database.js';

/** Questions people asked, text only (never who), for the digest's "most asked". */
/** The passage an answer quoted first: where it stands in its article. */
export interface CitedSpan {
  source: string;
  start: number;
  end: number;
}

export interface QuestionLogEntry {
  platform: string;
  workspace: string;
  question: string;
  /** What the question got; the admin page's refused questions are the corpus's gaps. */
  outcome?: 'answered' | 'refused';
  cited?: CitedSpan;
}

export interface QuestionLog {
  record(entry: QuestionLogEntry): void;
  /** The passage the latest answer to this exact question cited, if it was answered. */
  lastCited(question: string): CitedSpan | undefined;
  /** The most frequent questions of a workspace since `since`, most asked first. */
  mostAsked(workspace: string, since: Date, limit: number): { question: string; count: number }[];
  /** Drops entries older than the retention period. */
  prune(olderThan: Date): number;
}

/** Case, spacing and trailing punctuation don't make a different question. */
export function normalizeQuestionText(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?!.]+$/, '').trim();
}

export function createQuestionLog(db: Db, now: () => Date): QuestionLog {
  const insert = db.prepare(
    'INSERT INTO question_log (platform, workspace, question, normalized, asked_at, outcome, cited_source, cited_start, cited_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const cited = db.prepare(
    'SELECT cited_source AS source, cited_start AS start, cited_end AS "end" FROM question_log WHERE question = ? AND cited_source IS NOT NULL ORDER BY id DESC LIMIT 1',
  );
  const top = db.prepare(`
    SELECT normalized, COUNT(*) AS count, MAX(asked_at) AS last,
           (SELECT q2.question FROM question_log q2 WHERE q2.workspace = q.workspace AND q2.normalized = q.normalized ORDER BY q2.asked_at DESC LIMIT 1) AS question
    FROM question_log q
    WHERE workspace = ? AND asked_at >= ?
    GROUP BY normalized
    ORDER BY count DESC, last DESC
    LIMIT ?`);
  const prune = db.prepare('DELETE FROM question_log WHERE asked_at < ?');
  return {
    record({ platform, workspace, question, outcome, cited: span }) {
      insert.run(platform, workspace, question, normalizeQuestionText(question), now().toISOString(), outcome ?? null, span?.source ?? null, span?.start ?? null, span?.end ?? null);
    },
    lastCited(question) {
      return cited.get(question) as CitedSpan | undefined;
    },
    mostAsked(workspace, since, limit) {
      return (top.all(workspace, since.toISOString(), limit) as { question: string; count: number }[]).map((r) => ({ question: r.question, count: r.count }));
    },
    prune(olderThan) {
      return prune.run(olderThan.toISOString()).changes;
    },
  };
}
