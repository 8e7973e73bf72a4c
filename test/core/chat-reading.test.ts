import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../src/answer/question.js';
import { readMessage } from '../../src/answer/reading/chat-framing.js';
import { headNoun } from '../../src/answer/reading/focus.js';
import { englishBand } from '../../src/text/english.js';
import { seedEngine } from '../helpers/engine.js';

const engine = await seedEngine();
const weightOf = (q: string, surface: string) => analyseQuestion(q, engine.index).terms.find((t) => t.surface === surface)?.weight ?? 0;
const rarest = engine.index.idf('\u0000unseen');

describe('general English', () => {
  it('grades words by commonness, and leaves names, acronyms and typos out', () => {
    expect(englishBand('total')).toBe(1);
    expect(englishBand('meeting')).toBe(1);
    expect(englishBand('ballpark')).toBeGreaterThan(0);
    for (const w of ['qzarvel', 'wwdc', 'fp8', 'paramaters', 'memphis']) expect(englishBand(w)).toBe(0);
  });

  it('lets an everyday word the articles never use shade a question, not decide it', () => {
    expect(weightOf('what is the total parameter count of grok v9 medium', 'total')).toBeLessThan(rarest / 2);
    expect(weightOf('what is the weather in memphis', 'weather')).toBe(rarest);
    expect(weightOf('who designed the Louvre pyramid', 'louvre')).toBe(rarest);
  });

  it('never corrects a real English word into a corpus word', () => {
    const t = analyseQuestion('when was xai founded', engine.index).terms.find((x) => x.surface === 'founded');
    expect(t?.corrected).toBe(false);
  });
});

describe('a chat message read as a message', () => {
  it('reads "Can someone confirm?" as asking about the claim before it', () => {
    const read = readMessage('My understanding is that xAI bought Cursor outright. Can someone confirm? Legal is asking whether it affects our licenses.');
    expect(read.asking).toContain('xAI bought Cursor outright');
    expect(read.asking).not.toContain('confirm');
    // A clause with content of its own is not a confirmation ("confirm the parameter count").
    expect(readMessage('Hi team. Could someone confirm the parameter count? Thanks!').asking).toBe('Could someone confirm the parameter count?');
  });

  it('takes no capital that opens a sentence for a name', () => {
    const named = (q: string, surface: string) => analyseQuestion(q, engine.index).terms.find((t) => t.surface === surface)?.unknownName;
    expect(named('Is it out yet? Legal wants to know when.', 'legal')).toBe(false);
    expect(named('Did Zorblat reorganise its teams? Asking because we staff our own.', 'zorblat')).toBe(true);
  });

  it('separates the clauses that ask from the reason for asking and the thanks', () => {
    const read = readMessage("Hi team, my manager asked me to put the model size in this week's roundup. Could someone confirm the parameter count? Thanks!");
    expect(read.asking).toBe('Could someone confirm the parameter count?');
    expect(read.context).toHaveLength(2);
    expect(readMessage('For the changelog I am drafting: on what date did Musk announce it?').asking).toBe('on what date did Musk announce it?');
    expect(readMessage('Quick q before the planning meeting — do we know when it launches').asking).toBe('do we know when it launches');
  });

  it('keeps a message that is all question whole', () => {
    expect(readMessage('how many params. and when does it ship?').context).toEqual([]);
    expect(readMessage('v9 release date').asking).toBe('v9 release date');
  });

  it('never lets a name in the context require or refuse anything', () => {
    const a = analyseQuestion('Our CFO Jane Doe asked for the deck. When is the SpaceX IPO expected?', engine.index);
    expect(a.terms.filter((t) => t.fromContext).length).toBeGreaterThan(0);
    expect(a.terms.some((t) => t.fromContext && t.unknownName)).toBe(false);
    expect(engine.answer('Our CFO Jane Doe asked for the deck. When is the SpaceX IPO expected?').status).toBe('answered');
  });

  it('finds the noun a what-question asks for', () => {
    expect(headNoun('what is the total parameter count of grok')).toBe('count');
    expect(headNoun("what's the weather in memphis")).toBe('weather');
    expect(headNoun('how many gpus does colossus have')).toBe('gpus');
  });
});

describe('chat words read as the corpus writes them', () => {
  const termsOf = (q: string) => analyseQuestion(q, engine.index).terms;

  it('reads a cut-off word as the one corpus word it starts, never an everyday word as a longer one', () => {
    expect(termsOf('xai reorg? heard something about the coding team').find((t) => t.surface === 'reorg')).toMatchObject({ known: true, corrected: true });
    // Three letters are as often a name in lower case as a word cut short.
    expect(termsOf('what did ben say about it').find((t) => t.surface === 'ben')?.known).toBe(false);
    // "hard" is an everyday word, not "hardware"; "fire" is not "firepower".
    expect(termsOf('is it hard to set up').find((t) => t.surface === 'hard')?.known).toBe(false);
    expect(termsOf('what lit a fire under xai').find((t) => t.surface === 'fire')?.known).toBe(false);
  });

  it('reads plain "X" as the social platform the articles name, but not "how many x"', () => {
    expect(termsOf("What's X's role beyond distribution?").find((t) => t.surface === 'x')).toMatchObject({ term: 'x-platform', known: true });
    expect(termsOf('how many x bigger is it').find((t) => t.surface === 'x')?.term).toBe('x');
    expect(termsOf('is it 3x faster, and will X developers get it first?').find((t) => t.surface === 'x')?.term).toBe('x-platform');
  });

  it('does not take "list" for an IPO listing', () => {
    expect(analyseQuestion('list the series E investors. names only', engine.index).requiredNames).not.toContain('ipo');
  });

  it('reads "one million tokens" like "1M tokens", and "half a trillion" like "0.5 trillion"', () => {
    const cost = termsOf('cost per 1m tokens').find((t) => t.surface === '1m');
    expect(cost?.known).toBe(true);
    expect(termsOf('is v8 only half a trillion params').map((t) => t.term)).toContain(termsOf('0.5 trillion')[0]!.term);
    // A count that is part of a longer number is read whole, never as a wrong figure of its last word.
    expect(termsOf('two hundred million').map((t) => t.term)).toContain(termsOf('200 million')[0]!.term);
    expect(termsOf('twenty-five million').map((t) => t.term)).toContain(termsOf('25 million')[0]!.term);
    expect(termsOf('no one million').some((t) => /^\d/.test(t.term))).toBe(false);
  });

  it('reads numbers as dictation spells them: "twenty billion", "one point five trillion", "twenty twenty four"', () => {
    const first = (text: string) => termsOf(text).find((t) => /^\$?\d/.test(t.term))?.term;
    expect(first('did they raise twenty billion dollars')).toBe(first('did they raise 20 billion dollars'));
    expect(first('is it one point five trillion params')).toBe(first('is it 1.5 trillion params'));
    expect(first('how much did they raise back in may twenty twenty four')).toBe('2024');
    expect(first('is it nineteen ninety')).toBe('1990');
    // "point" starts the decimals: its words are no count of their own.
    expect(first('is it one point twenty five billion')).not.toBe(first('25 billion'));
    // A number word alone is a word, as the articles write "three times" and "the old one".
    for (const words of ['three times the size', 'the old one', 'fifty fifty']) expect(first(words), words).toBeUndefined();
  });

  it('takes the noun, not a participle after it, for the word asked for', () => {
    expect(headNoun("what's the exact fraction quoted?")).toBe('fraction');
    expect(headNoun('which investors have participated in series e')).toBe('investors');
    expect(headNoun('what is the inference speed')).toBe('speed');
  });
});
