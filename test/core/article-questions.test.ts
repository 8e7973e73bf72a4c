import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import type { Article } from '../../src/corpus/schema.js';
import { buildIndex } from '../../src/index/build-index.js';

// An explainer that asks its own question and answers it in the next sentence, without "because".
const rawText = [
  'Halvorsen Observatory opens its new telescope',
  'The Halvorsen Observatory opened its new Brenner telescope in March after six years of work.',
  'Why build the Brenner telescope on Mount Keller? The summit has the driest air in the region and almost no light pollution.',
  'The telescope cost 40 million euros, paid for by three universities.',
  'Its mirror is 6.5 metres across.',
].join('\n');
const article: Article = { source: 'observatory', file: 'observatory.txt', rawText, title: 'Halvorsen Observatory opens its new telescope', hash: 'h' };
const index = buildIndex([article]);
const passage = (start: string) => index.passages.find((p) => p.text.startsWith(start))!;

describe("an article's own question", () => {
  it('labels the sentence after it: that sentence is what it answers, and gives a reason', () => {
    const answer = passage('The summit has the driest air');
    expect([...answer.labelTerms].sort()).toEqual(['brenner', 'build', 'keller', 'mount', 'telescop']);
    expect(answer.features.givesReason).toBe(true);
    // A sentence that is not after a question has no label and no reason it does not state.
    expect(passage('The telescope cost').labelTerms.size).toBe(0);
    expect(passage('The telescope cost').features.givesReason).toBe(false);
  });

  it('is never quoted as the answer, and the sentence after it is', () => {
    const answer = answerQuestion(index, 'why did they put the Brenner telescope on Mount Keller?');
    expect(answer.citations.map((c) => c.quote)).not.toContain('Why build the Brenner telescope on Mount Keller?');
    expect(answer.citations[0]?.quote).toMatch(/^The summit has the driest air/);
  });
});

describe('what counts as an article asking', () => {
  const other = buildIndex([
    {
      source: 'notes',
      file: 'notes.txt',
      rawText: [
        'Observatory notes',
        'Reporters still ask one thing: will the weights ever be published?',
        '',
        'The Brenner telescope draws 1.2 megawatts at full load.',
        'On Friday the director posted a single line to her followers: "Who wants a night at the telescope?"',
        'The post drew 4,000 replies within an hour.',
        'Why Keller? Its air is the driest in the region.',
      ].join('\n'),
      title: 'Observatory notes',
      hash: 'n',
    },
  ]);
  const find = (start: string) => other.passages.find((p) => p.text.startsWith(start))!;

  it('a question closing one paragraph labels nothing in the next, and a reported question is a statement', () => {
    expect(find('The Brenner telescope draws').labelTerms.size).toBe(0);
    expect(find('The post drew').labelTerms.size).toBe(0);
    expect(find('Its air is the driest').labelTerms.size).toBeGreaterThan(0);
  });

  it('a reported question can still be quoted', () => {
    const answer = answerQuestion(other, 'what did the director post on friday?');
    expect(answer.citations[0]?.quote).toMatch(/^On Friday the director posted/);
  });
});
