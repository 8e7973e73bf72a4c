import { randomBytes } from 'node:crypto';

/**
 * The questions behind recent answers, so a feedback click or a reply in a thread can be tied
 * back to its question. Bounded: the oldest entries go first.
 */
export class RecentAnswers {
  private readonly byKey = new Map<string, string>();

  constructor(private readonly capacity = 5000) {}

  static newId(): string {
    return randomBytes(6).toString('base64url');
  }

  remember(key: string, question: string): void {
    this.byKey.delete(key);
    this.byKey.set(key, question);
    if (this.byKey.size > this.capacity) this.byKey.delete(this.byKey.keys().next().value!);
  }

  question(key: string): string | undefined {
    return this.byKey.get(key);
  }
}
