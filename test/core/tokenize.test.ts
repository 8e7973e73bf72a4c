import { describe, expect, it } from 'vitest';
import { analyzeToStrings } from '../../src/text/analyze.js';
import { tokenize } from '../../src/text/tokenize.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps numbers, money, percentages and versions whole', () => {
    expect(texts('1.5T and 1.5 trillion')).toEqual(['1.5t', 'and', '1.5t', 'trillion']);
    expect(texts('$20 billion')).toEqual(['$20b', 'billion']);
    expect(texts('555,000 GPUs, 555k')).toEqual(['555k', 'gpus', '555k']);
    expect(texts('40% or 40 percent')).toEqual(['40%', 'or', '40%']);
    expect(texts('v9 and v8-small')).toEqual(['v9', 'and', 'v8', 'small']);
    expect(texts('GPT-5')).toEqual(['gpt-5', 'gpt', '5']);
  });

  it('folds typography so curly quotes and odd dashes match their plain twins', () => {
    expect(texts('xai’s per‑token 2–3')).toEqual(texts("xai's per-token 2-3"));
  });
});

describe('analyze', () => {
  it('drops question words and filler, stems, and folds synonyms both ways', () => {
    expect(analyzeToStrings('hey, how many params does it have?')).toEqual(analyzeToStrings('parameters'));
    expect(analyzeToStrings('when is it coming out')).toEqual(analyzeToStrings('release'));
    expect(analyzeToStrings('what chips')).toEqual(analyzeToStrings('GPUs'));
    expect(analyzeToStrings('Grok 9')).toEqual(analyzeToStrings('grok v9'));
  });
});
