import type { Db } from '../store/database.js';

/** Questions people asked, text only (never who), for the digest's "most asked". */
export interface QuestionLog {
  record(entry: { platform: string; workspace: string; question: string }): void;
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
  const insert = db.prepare('INSERT INTO question_log (platform, workspace, question, normalized, asked_at) VALUES (?, ?, ?, ?, ?)');
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
    record({ platform, workspace, question }) {
      insert.run(platform, workspace, question, normalizeQuestionText(question), now().toISOString());
    },
    mostAsked(workspace, since, limit) {
      return (top.all(workspace, since.toISOString(), limit) as { question: string; count: number }[]).map((r) => ({ question: r.question, count: r.count }));
    },
    prune(olderThan) {
      return prune.run(olderThan.toISOString()).changes;
    },
  };
}
