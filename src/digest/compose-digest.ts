import { toCitation } from '../answer/answer.js';
import type { Answer } from '../answer/schema.js';
import type { KnowledgeIndex } from '../index/index-model.js';
import { keyFacts } from './key-facts.js';
import { localDateLabel } from './schedule.js';
import type { Digest, DigestReceipt, SourceRef } from './schema.js';

export interface ComposeInput {
  index: KnowledgeIndex;
  answer: (question: string) => Answer;
  localDate: string;
  timeZone: string;
  /** Article hashes this channel has been shown; null for a channel's first digest. */
  shownArticles: ReadonlySet<string> | null;
  /** Fact key → local date it was last the fact of the day in this channel. */
  shownFacts: ReadonlyMap<string, string>;
  mostAsked: { question: string; count: number }[];
  /** Without a channel's history: which key fact to show (a day number rotates through them). */
  rotateBy?: number;
}

const sourceRef = (a: KnowledgeIndex['articles'][number]): SourceRef => ({
  source: a.source, title: a.title, publisher: a.publisher ?? null, published: a.published ?? null,
});

/**
 * One day's digest for one channel, as data. The fact of the day is the first key fact the
 * channel has not had yet, or, once all have been shown, the one shown longest ago.
 */
export function composeDigest(input: ComposeInput): { digest: Digest; receipt: DigestReceipt } {
  const { index } = input;
  // A digest speaks as of its own day: an article dated later (a preview with --date, an embargoed
  // piece) is not yet out, so it is neither introduced nor counted nor quoted, and stays new for later.
  const out = index.articles.filter((a) => !(a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published) && a.published.slice(0, 10) > input.localDate));
  const outSources = new Set(out.map((a) => a.source));
  const first = input.shownArticles === null;
  const newArticles = first ? [] : out.filter((a) => !input.shownArticles!.has(a.hash));

  const pool = keyFacts(index).filter((f) => f.passage.sources.some((s) => outSources.has(s)));
  const fact = input.rotateBy !== undefined && pool.length > 0 ? pool[input.rotateBy % pool.length] : pool.find((f) => !input.shownFacts.has(f.key)) ??
    [...pool].sort((a, b) => input.shownFacts.get(a.key)!.localeCompare(input.shownFacts.get(b.key)!))[0];

  const mostAsked = input.mostAsked.map(({ question, count }) => {
    const answer = input.answer(question);
    const citation = answer.status === 'answered' ? (answer.citations.find((c) => outSources.has(c.source)) ?? null) : null;
    return { question, count, answer: citation ? citation.display : "Not in my sources.", citation, conflicts: citation ? answer.conflicts : [] };
  });

  // A disagreement is worth a note when today's fact, a new article or a most-asked answer touches it.
  const newSources = new Set(newArticles.map((a) => a.source));
  // Only what is out by the digest's day can disagree in it: two sides, both from articles already out.
  const relevant = index.conflicts.filter((c) =>
    new Set(c.claims.filter((claim) => outSources.has(claim.source)).map((claim) => claim.value)).size >= 2 && (
    c.claims.some((claim) => claim.passageId === fact?.passage.id || newSources.has(claim.source)) ||
    mostAsked.some((m) => m.conflicts.length > 0 && c.claims.some((claim) => m.citation?.display === index.passages[claim.passageId]!.text))),
  );
  const disagreements = relevant.map((c) => ({
    about: c.about.join(' '),
    sides: c.claims.filter((claim) => outSources.has(claim.source)).map((claim) => {
      const passage = index.passages[claim.passageId]!;
      const article = index.articleBySource.get(claim.source)!;
      return { value: claim.value, source: article.source, title: article.title, quote: passage.text };
    }),
  }));

  return {
    digest: {
      localDate: input.localDate,
      timeZone: input.timeZone,
      dateLabel: localDateLabel(input.localDate),
      introduction: first ? out.map(sourceRef) : null,
      newCoverage: newArticles.map(sourceRef),
      // Quoted where an article already out says it, which need not be where the passage was first found.
      factOfTheDay: fact ? { key: fact.key, citation: toCitation(index, { ...fact.passage, locations: fact.passage.locations.filter((l) => outSources.has(l.source)), sources: fact.passage.sources.filter((s) => outSources.has(s)) }, 1) } : null,
      mostAsked: mostAsked.map(({ conflicts: _conflicts, ...rest }) => rest),
      disagreements,
      sourceCount: out.length,
    },
    receipt: { factKey: fact?.key ?? null, articleHashes: out.map((a) => a.hash) },
  };
}
