/**
 * Maps a word, as written or as stemmed, to the stem of its synonym group's first word. Each
 * group word maps both ways, and a later group overrides an earlier one on a shared key, as a map
 * filled in list order would.
 *
 * Why lazily: stemming every group word up front costs a one-shot command about 8 ms, because
 * Porter2 runs cold. So group words are stemmed per first-letter bucket, when a key in that bucket
 * is first looked up. That is exact because a Porter2 stem keeps its word's first letter (not
 * always the first two: "dying" stems to "die"): a key can only equal the stem of a group word
 * that starts the same way
 * (test/core/synonym-folder.test.ts checks the property on the whole vocabulary).
 */
export function synonymFolder(groups: readonly (readonly string[])[], stem: (word: string) => string): (key: string) => string | undefined {
  interface Fold {
    head: string;
    /** Position of the assignment in list order: the later one wins. */
    order: number;
  }
  const asWritten = new Map<string, Fold>();
  const byBucket = new Map<string, (Fold & { word: string })[]>();
  let order = 0;
  for (const group of groups) {
    const head = group[0]!;
    for (const word of group) {
      asWritten.set(word, { head, order: order++ });
      const bucket = word.slice(0, 1);
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), { word, head, order: order++ }]);
    }
  }
  const asStemmed = new Map<string, Fold>();
  const stemmedBuckets = new Set<string>();

  return (key) => {
    const bucket = key.slice(0, 1);
    if (!stemmedBuckets.has(bucket)) {
      stemmedBuckets.add(bucket);
      // A bucket lists its words in list order, so a later group's stem overwrites an earlier one's.
      for (const { word, head, order } of byBucket.get(bucket) ?? []) asStemmed.set(stem(word), { head, order });
    }
    const written = asWritten.get(key);
    const stemmed = asStemmed.get(key);
    const fold = written && stemmed ? (written.order > stemmed.order ? written : stemmed) : (written ?? stemmed);
    return fold && stem(fold.head);
  };
}
