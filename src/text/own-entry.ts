/**
 * A fixed word table's entry for a word people typed. Plain `table[word]` also finds what every
 * object inherits, so "constructor" or "toString" in a question came back as a function and
 * crashed the tokenizer; only the table's own keys count.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
