import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answer/answer.js';
import { analyseQuestion } from '../../src/answer/question.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { buildIndex } from '../../src/index/build-index.js';
import { analyze, analyzeToStrings } from '../../src/text/analyze.js';
import { namesADay } from '../../src/answer/ranking/type-fit.js';
import { SEEDS_DIR, seedEngine } from '../helpers/engine.js';
import { otherLanguageWords } from '../../src/answer/reading/language.js';
import { refusalFeatures } from '../../src/answer/model/decision.js';
import { rankPassages } from '../../src/answer/rank.js';

const engine = await seedEngine();
const read = (q: string) => analyseQuestion(q, engine.index);
const terms = (q: string) => read(q).terms.map((t) => t.term);

describe('reading a question', () => {
  it('ignores who it is addressed to and chat abbreviations', () => {
    expect(terms('@grok-facts how big is the funding round')).toEqual(terms('how big is the funding round'));
    expect(terms('hey @some.bot: who invested, tbh idk')).toEqual(terms('who invested'));
    expect(terms('what stage is it at rn')).toEqual(terms('what stage is it at'));
    // Shorthand with a digit in it is shorthand all the same.
    expect(terms('eli5 fine-tuning pls')).toEqual(terms('fine-tuning'));
    expect(terms('did they restructure teams or smth')).toEqual(terms('did they restructure teams'));
    expect(terms('tl;dr what is v9')).toEqual(terms('what is v9'));
    // "ms" is milliseconds in an article, never taken for a title.
    expect(analyzeToStrings('latency in ms')).toContain('ms');
    // A title is no name of its own: "Mr. Musk" is Musk.
    expect(terms('what did Mr. Musk say about v8')).toEqual(terms('what did Musk say about v8'));
    expect(engine.answer('@grok-facts when was the announcement made').status).toBe('answered');
  });

  it('drops "in this context" and the word "define", keeping what is to be defined', () => {
    expect(terms('what does SFT mean in this context')).toEqual(terms('what does SFT mean'));
    const defined = read('define reinforcement learning');
    expect(defined.terms.map((t) => t.surface)).not.toContain('define');
    expect(defined.defines.length).toBeGreaterThan(0);
  });

  it('reads "where … from" as asking for a source, not a place', () => {
    expect(read('where is the supercomputer').answerType).toBe('place');
    expect(read('where did the money come from').answerType).not.toBe('place');
  });

  it('wants a sum of money for a price, and accepts a percentage for a change in price', () => {
    expect(read('how much does a subscription cost').wantsMoney).toBe(true);
    expect(read('how much will it cost to use').wantsMoney).toBe(true);
    expect(read('how much did the cost per token drop').wantsMoney).toBe(false);
    expect(read('how many parameters').wantsMoney).toBe(false);
    // The articles give per-token costs only as percentages and ratios: no price to quote.
    expect(engine.answer('how much does one Blackwell chip cost').status).toBe('no_answer');
    expect(engine.answer('how much cheaper are tokens').status).toBe('answered');
  });

  it('treats "besides X" as what the answer should go beyond', () => {
    const q = read('who invested besides Nvidia?');
    expect(q.excluded).toContain(terms('Nvidia')[0]);
    expect(q.requiredNames).not.toContain(terms('Nvidia')[0]);
    const answer = engine.answer('which investors were there other than Nvidia?');
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.quote).toMatch(/Valor|Fidelity|Qatar/);
  });

  it('weighs an everyday word the articles never use less than a name they never mention', () => {
    const weight = (q: string, surface: string) => read(q).terms.find((t) => t.surface === surface)!.weight;
    expect(weight('will tesla cars eventually get it', 'eventually')).toBeLessThan(weight('will tesla cars get Qzarvel', 'qzarvel'));
    expect(weight('who founded Anthropic', 'founded')).toBe(weight('will tesla cars get Qzarvel', 'qzarvel'));
  });
});

describe('reading a question (continued)', () => {
  it('needs the relation in "what is the X of Y" to be named, not just Y', () => {
    expect(read('what is the population of memphis').relation).toBeUndefined(); // unknown word: coverage handles it
    expect(read('what is the capital of tennessee').relation).toBe(terms('capital')[0]);
    // Framing and measure nouns are not relations: the answer type carries them.
    expect(read('what is the name of the supercomputer').relation).toBeUndefined();
    expect(read('what is the size of the new model').relation).toBeUndefined();
    expect(engine.answer('what is the location of the supercomputer').status).toBe('answered');
  });

  it('reads a price asked with a qualifier as a strict quantity', () => {
    const q = read('what is the subscription price for grok v9');
    expect(q.answerType).toBe('quantity');
    expect(q.strictType).toBe(true);
    expect(engine.answer('what is the monthly price for grok v9').status).toBe('no_answer');
  });

  it('treats "glossary" as where to look, not what to find', () => {
    expect(terms('what does the glossary say about fine-tuning')).toEqual(terms('what does it say about fine-tuning'));
  });

  it('reads "what step comes after X" as a sequence, and "after completing X, Y" as naming what follows X', () => {
    expect(read('which step comes after supervised fine-tuning').answerType).toBe('sequence');
    expect(read('what follows the fine-tuning').answerType).toBe('sequence');
    const quotes = engine.answer('what stage follows reinforcement learning').citations.map((c) => c.quote);
    expect(quotes.some((q) => /after completing/i.test(q))).toBe(true);
    // …but not when the completed clause goes past X: after SFT comes RL, not the launch.
    expect(engine.answer('what happens after SFT').citations[0]?.quote).not.toMatch(/^Public launch/);
  });
});

describe('reading a question (third batch)', () => {
  it('checks a figure the articles do not state against the one they do, but keeps unknown years strict', () => {
    const q = read('is it true that it has 2 trillion parameters?');
    expect(q.terms.some((t) => t.unknownName)).toBe(false);
    expect(q.terms.map((t) => t.surface)).not.toContain('true');
    expect(engine.answer('what did xai do in 2019').status).toBe('no_answer');
  });

  // Refused by the first refusal trees (a figure the articles never state, "2t", is mostly a trap's in
  // the labelled batches), answered again since the split fixes and the refit on 38 batches.
  it('answers a fact check with a figure the articles do not state from the one they do', () => {
    expect(engine.answer('is it true that it has 2 trillion parameters?').citations[0]?.quote).toMatch(/1\.5 trillion|1\.5T/);
  });

  // Missed from the refusal trees until the refit on 38 batches that chose the threshold and the
  // reading weights within one standard error (fit.ts): a sentence about Cursor with no figure does not count its people.
  it('refuses to count what no article counts', () => {
    expect(engine.answer('how many people work at cursor?').status).toBe('no_answer');
  });

  it('reads "the two models" as pointing back, and "by what factor" as asking for a quantity', () => {
    expect(terms('differences between the two models')).toEqual(terms('differences between the models'));
    expect(read('by what factor did throughput go up').answerType).toBe('quantity');
    expect(engine.answer('by what factor did throughput go up').citations[0]?.quote).toMatch(/2\.3 times/);
  });

  it('quotes the items of a list that the question is about', () => {
    const answer = engine.answer('hardware differences between the two models');
    expect(answer.status).toBe('answered');
    expect(answer.citations[0]!.quote).toMatch(/:\s*$/);
    expect(answer.citations.slice(1).map((c) => c.quote).join(' ')).toMatch(/hardware/i);
  });

  it('does not lead with a passage that only repeats the question', () => {
    const quote = engine.answer('what kind of model is grok v9 medium').citations[0]!.quote;
    expect(quote).not.toBe('Model Name: Grok V9 Medium');
  });
});

describe('reading a question (fourth batch)', () => {
  it('wants a year for "what year", a month for "what month" and a day for "what day", not a span', () => {
    expect(read('what year did the merger happen').calendar).toBe('year');
    expect(read('in what month was it announced').calendar).toBe('month');
    expect(read('on what day was it announced').calendar).toBe('day');
    expect(read('what year did the merger happen').terms.map((t) => t.surface)).not.toContain('year');
    expect(engine.answer('what day did musk announce it').citations[0]?.quote).toMatch(/May 25/);
    // The only starts the articles date are weeks or days away: no year to give.
    expect(engine.answer('what year did the reinforcement learning start').status).toBe('no_answer');
  });

  it('wants the day itself when the question asks for the exact date, and refuses a month for it', () => {
    for (const q of ['mid june is vague lol. what exact day does it go live?', 'is there a calendar date for the release', 'which date exactly was the release'])
      expect(read(q), q).toMatchObject({ answerType: 'time', calendar: 'day' });
    // The articles give the announcement's day, so it is answered; the release only as "mid-June".
    expect(engine.answer('need the exact date musk announced it').citations[0]?.quote).toMatch(/May 25/);
    const release = rankPassages(read('what is the exact release date'), engine.index);
    expect(release.filter((r) => /mid-June/i.test(r.passage.text)).every((r) => !r.typeFit)).toBe(true);
    // A date without "exact" or "what day" is answered by the month the articles give.
    expect(read('when is the release date').calendar).toBeUndefined();
    // A day mentioned beside another question word does not take it over.
    expect(read('how many gpus does colossus have on the exact day of launch').answerType).toBe('quantity');
  });

  it('finds a day of a month however it is written: "May 25", "the 25th of May", "June the 5th"', () => {
    for (const text of ['announced on May 25, 2026', 'on the 25th of May', 'out June the 5th']) expect(namesADay({ terms: analyze(text) }), text).toBe(true);
    for (const text of ['expected in mid-June', 'within 2 to 3 weeks of May']) expect(namesADay({ terms: analyze(text) }), text).toBe(false);
  });

  it('joins a name spelled out letter by letter, as dictation writes it, when the articles know the word', () => {
    expect(terms('did x a i buy cursor')).toEqual(terms('did xai buy cursor'));
    expect(terms('is s f t done')).toEqual(terms('is sft done'));
    expect(terms('is x a i a startup')).toEqual(terms('is xai a startup'));
    expect(terms('what is X. A. I.')).toEqual(terms('what is xAI'));
    expect(read('is it an a b test').terms.map((t) => t.surface)).not.toContain('ab');
  });

  it('reads a bare "after" as a sequence only when nothing else says what is asked', () => {
    // "Going after" someone asks for names; the noun asked for is content, not a step's slot.
    const rivals = read('which competitors is it going after');
    expect(rivals.answerType).toBe('entity');
    expect(rivals.terms.map((t) => t.surface)).toContain('competitors');
    expect(read('why go after coders specifically?').answerType).toBe('reason');
    expect(read('what did xai do after the oracle talks').answerType).toBe('sequence');
    expect(read('which stage comes after sft').answerType).toBe('sequence');
  });

  it('takes a passage naming an option the question offers as giving the kind of answer asked', () => {
    // "Who … X devs and Tesla?": X and Tesla are in the question, yet naming them is the answer.
    const first = rankPassages(read('who gets v9 first, everybody or only x developers and tesla'), engine.index);
    expect(first.find((r) => /first batch of access/i.test(r.passage.text))?.typeFit).toBe(true);
    // Without options, a name the question gives is no answer to "who".
    const plain = rankPassages(read('who gives x developers and tesla access'), engine.index);
    expect(plain.find((r) => /first batch of access/i.test(r.passage.text))?.typeFit).toBe(false);
  });

  it('reads "how long did X take" as a question of time', () => {
    expect(read('how long did pre-training take').answerType).toBe('time');
  });

  it('takes the item after X in a list of steps as the step after X', () => {
    const quotes = engine.answer('which phase comes after basic pre training').citations.map((c) => c.quote);
    expect(quotes[0]).toMatch(/^Supplementary training/);
  });

  it('knows owning as acquiring, negotiations as talks, and "involved" as framing', () => {
    expect(engine.answer('which company owns xai').citations[0]?.quote).toMatch(/SpaceX/);
    expect(analyzeToStrings('negotiations')).toEqual(analyzeToStrings('talks'));
    expect(terms('is nvidia involved')).toEqual(terms('nvidia'));
  });
});

describe('reading a question (fifth batch)', () => {
  it('prefers a label naming the noun asked about: "what scenarios" → "Core scenarios: …"', () => {
    expect(read('what scenarios is it built for').askedNoun).toBe(terms('scenarios')[0]);
    expect(read('what is it built for').askedNoun).toBeUndefined();
    // How much the label counts is fitted (askedNounLabel): it lifts the label line into the
    // first two, beside a sentence that names "scenario capability".
    const quotes = engine.answer('what scenarios is the model intended for').citations.map((c) => c.quote);
    expect(quotes.slice(0, 2).some((q) => /^Core scenarios:/.test(q))).toBe(true);
  });

  it('answers "by how much bigger" with a ratio, not an absolute figure', () => {
    expect(read('by how much is it bigger').relative).toBe(true);
    expect(read('how big is it').relative).toBe(false);
    expect(engine.answer('how much larger is the new model than the old one').citations[0]?.quote).toMatch(/three times|threefold|triples|3x/i);
  });

  it('reads "investors backed" as investing, while "GPU-backed" stays a kind of debt', () => {
    expect(engine.answer('which investors backed xai').citations[0]?.quote).toMatch(/Valor|Fidelity|Qatar|Nvidia/);
  });
});

describe('reading a question (sixth batch)', () => {
  it('reads a small number right after a name as an edition, and refuses editions the articles never name', () => {
    for (const q of ['how many parameters does grok 3 have', 'when is Grok 12 out']) {
      expect(read(q).terms.some((t) => t.unknownName), q).toBe(true);
      expect(engine.answer(q).status, q).toBe('no_answer');
    }
    // Editions the articles do name, and figures after a verb, read as before.
    expect(engine.answer('how big is grok 9').status).toBe('answered');
    expect(read('does it have 2 trillion parameters').terms.some((t) => t.unknownName)).toBe(false);
  });

  it('reads "why was X built" as asking the purpose of X, not about building', () => {
    expect(terms('why was the model built')).toEqual(terms('why the model'));
    expect(terms('how was the model built')).toContain(terms('built')[0]);
  });

  it('does not take an edition in a passage ("Gemini 3.5") for an amount, and knows month abbreviations', () => {
    const gemini = engine.index.passages.find((p) => p.text.includes('Gemini 3.5'))!;
    expect(gemini.features.quantities.size).toBe(0);
    expect(engine.answer('how much did anthropic raise').status).toBe('no_answer');
    expect(analyzeToStrings('jan 2026')).toEqual(analyzeToStrings('January 2026'));
  });

  it('reads "what does X stand for" as asking what X is', () => {
    const q = read('what does SFT stand for');
    expect(q.defines.length).toBeGreaterThan(0);
    expect(engine.answer('what does RL stand for').status).toBe('answered');
  });
});

describe('short typos', () => {
  it('mends short typos of the words questions are built on, and four-letter words missing a letter', () => {
    expect(terms('waht is the size of v8 smal')).toEqual(terms('what is the size of v8 small'));
    expect(terms('how many parameters dose it have')).toEqual(terms('how many parameters does it have'));
    expect(terms('whats the per tokn cost')).toEqual(terms('whats the per token cost'));
  });

  it('leaves short words alone that are not a missing letter away from a frame word', () => {
    // "war" is one letter from "was", but a word in its own right: it stays, and the question is refused.
    expect(read('who won the war').terms.map((t) => t.surface)).toContain('war');
    expect(engine.answer('who won the war').status).toBe('no_answer');
  });
});

describe('seventh batch', () => {
  it('treats "in plain terms", "tied to", "refer to" and "trying" as framing', () => {
    expect(terms('in plain terms, how big is the model')).toEqual(terms('how big is the model'));
    expect(terms('what is xai trying to build')).toEqual(terms('what is xai to build'));
    expect(read("what does 'mid-sized model' refer to").defines.length).toBeGreaterThan(0);
  });

  it('reads "X or Y" between words as alternatives that either meet', () => {
    const q = read('which cloud or compute partner supplies the chips');
    expect(q.alternatives).toEqual(expect.arrayContaining([terms('cloud')[0], terms('compute')[0]]));
    expect(engine.answer('which cloud or compute partner supplies the chips').citations[0]?.quote).toMatch(/Nvidia supplying the core chips/);
  });

  it('does not take a common noun that is capitalized only inside a name ("Valor Equity Partners") for a name', () => {
    expect(engine.index.entities.has(terms('partners')[0]!)).toBe(false);
    expect(engine.index.entities.has(terms('Nvidia')[0]!)).toBe(true);
  });
});

describe('names asked about in particular', () => {
  it('reads "X\'s latest model" and "what did X announce" as asking about X in particular', () => {
    expect(read("what is anthropic's newest product").focusNames).toEqual(['anthropic']);
    expect(read('what did openai release').focusNames).toEqual(['openai']);
    expect(read('who invested, nvidia?').focusNames).toEqual([]);
  });

  // Each sentence lists the name among others and lacks the name asked about in particular
  // (missingName), which the trees weigh against answering: missed at the threshold's edge (p 0.51
  // against 0.46) until the refit that chose the threshold and reading weights within one standard error.
  it('refuses "X\'s newest product" from a sentence that lists X among others', () => {
    for (const q of ["what is anthropic's newest product", "what is claude's latest version"]) {
      expect(engine.answer(q).status, q).toBe('no_answer');
    }
  });

  // Known misses at the threshold's edge, which each refit moves: answered on 30 batches (p 0.50-0.52
  // against 0.50), refused on 32 (threshold 0.54), and on 34 the Tennessee one is answered again (p 0.59
  // against 0.58), from a sentence that lacks both the thing asked for and the name asked of. When
  // both are refused, the `it.fails` goes.
  it.fails('refuses "what is the capital of Tennessee" and "what did OpenAI release at the event"', () => {
    expect(engine.answer('what is the capital of tennessee').status).toBe('no_answer');
    expect(engine.answer('what did openai release at the event').status).toBe('no_answer');
  });

  it('still answers them from a sentence about that name alone', () => {
    expect(engine.answer("what is google's newest model").citations[0]?.quote).toMatch(/Google unveiled/);
    expect(engine.answer("what is spacex's ipo timing").citations[0]?.quote).toMatch(/June 2026/);
    // A list still answers whether a name belongs to it.
    expect(engine.answer('is fidelity an investor in xai').status).toBe('answered');
  });
});

describe('capitals as names', () => {
  it('reads a two-word name among short words as a name, and Title Case as no evidence of one', () => {
    // Two of the four words after the first are capitals: "World Cup" is a name the articles never use.
    const cup = read('Who won the World Cup?').terms.find((t) => t.surface === 'cup')!;
    expect(cup.unknownName).toBe(true);
    expect(engine.answer('Who won the World Cup?').status).toBe('no_answer');
    // Every word capitalised says nothing of which are names: the question is still answered.
    expect(read('How Many Parameters Does Grok V9 Medium Have?').terms.some((t) => t.unknownName)).toBe(false);
    expect(engine.answer('How Many Parameters Does Grok V9 Medium Have?').status).toBe('answered');
  });
});

describe('ranking', () => {
  it('quotes a line that introduces a list together with the lines it introduces, in reading order', () => {
    for (const q of ['what improvement came from the hardware collaboration', 'what are the core differences from previous models']) {
      const answer = engine.answer(q);
      expect(answer.status, q).toBe('answered');
      const [lead, ...items] = answer.citations;
      expect(lead!.quote, q).toMatch(/:\s*$/);
      expect(items.length, q).toBeGreaterThan(0);
      let at = lead!.end;
      for (const item of items) {
        expect(item.source).toBe(lead!.source);
        expect(item.start).toBeGreaterThanOrEqual(at);
        at = item.end;
        expect(answer.text).toContain(item.quote);
      }
    }
  });

  it('prefers the asker\'s own wording among passages that match the same stems', () => {
    const quote = engine.answer('who are its competitors').citations[0]?.quote ?? '';
    expect(quote).toMatch(/competitors/);
  });
});

describe('misspelt English words', () => {
  it('are read as the word meant: the articles\' word when they use it, else an everyday word', () => {
    const announce = read('when did elon anounce it').terms.find((t) => t.surface === 'anounce')!;
    expect(announce).toMatchObject({ term: 'announc', known: true, corrected: true });
    // "evrything" is no word the articles use: it weighs as "everything" would, not as an unknown term.
    const asked = read('is xai trying to beat openai at evrything');
    const everything = asked.terms.find((t) => t.surface === 'evrything')!;
    const spelt = read('is xai trying to beat openai at everything').terms.find((t) => t.surface === 'everything')!;
    expect(everything.known).toBe(false);
    expect(everything.weight).toBe(spelt.weight);
  });
});

describe('the thing a how-to question asks about', () => {
  it('is the last word of what the verb acts on', async () => {
    const { headNoun } = await import('../../src/answer/reading/focus.js');
    expect(headNoun('how do i change a car tire?')).toBe('tire');
    expect(headNoun('how can we get api access to grok')).toBe('access');
    expect(headNoun('how does it work')).toBeUndefined();
    // A pronoun or a particle is nothing asked about.
    for (const q of ['how can developers access it?', 'how do i sign up for the beta?', 'how do i turn it off']) expect(headNoun(q), q).toBeUndefined();
    // The articles never say "tire": the word asked about counts in full, and the question is refused.
    expect(read('How do I change a car tire?').unknownHead).toBe(true);
  });
});

describe('a multiplier after "how many"', () => {
  it('is how the answer is put, not a thing counted: "how many x bigger" asks for a ratio', async () => {
    const { headNoun } = await import('../../src/answer/reading/focus.js');
    for (const q of ['how many x bigger is v9 vs v8 small', 'how many times bigger is v9 medium than v8 small']) {
      expect(headNoun(q), q).toBeUndefined();
      expect(read(q).measures, q).toEqual([]);
      expect(read(q).relative, q).toBe(true);
    }
    // The passage that gives the ratio leads (whether it is answered is the fitted model's call).
    const { rankPassages } = await import('../../src/answer/rank.js');
    expect(rankPassages(read('so v9m vs v8 small is how many x bigger lol'), engine.index)[0]?.passage.text).toMatch(/0\.5 trillion parameters, which directly increases the scale by three times/);
    // A counted noun stays what is asked for.
    expect(headNoun('how many gpus does colossus have')).toBe('gpus');
  });
});

describe('figures written without their percent sign', () => {
  it('are the percentages the articles write', () => {
    const terms = read('token cost drop 90 or 40??').terms;
    expect(terms.find((t) => t.surface === '90')).toMatchObject({ term: '90%', known: true });
    expect(terms.find((t) => t.surface === '40')?.known).toBe(true);
    // A figure the articles write neither way stays a claim to check.
    expect(read('is it 77 or 13').terms.some((t) => t.known)).toBe(false);
    // A figure a word counts ("90 days", "40 investors"), or a question of figures alone, is no percentage.
    expect(read('did they train it in 90 days?').terms.find((t) => t.surface === '90')?.known).toBe(false);
    expect(read('did 40 investors join the round?').terms.find((t) => t.surface === '40')?.known).toBe(false);
    expect(read('is it 90?').terms.find((t) => t.surface === '90')?.known).toBe(false);
    expect(engine.answer('does it have 90 layers?').conflicts).toEqual([]);
  });
});

describe('a framing word the corpus writes as part of a name', () => {
  it('"context window" is the thing asked about once an article writes it, not a time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-compound-'));
    await cp(SEEDS_DIR, dir, { recursive: true });
    await writeFile(join(dir, 'specs.txt'), 'Grok V9-Medium specs leak\n\nThe context window is 512,000 tokens, according to a person familiar with the model.\n');
    const index = buildIndex(await loadCorpus(dir));
    for (const q of ['What is the context window?', 'context window?', 'How big is the context window of Grok V9-Medium?']) {
      const answer = answerQuestion(index, q);
      expect(answer.status, q).toBe('answered');
      expect(answer.status === 'answered' && answer.citations[0]!.quote, q).toContain('512,000 tokens');
    }
    // Where the articles never write the pair, the word still frames the question as asking a time.
    expect(read("what's the release window?").answerType).toBe('time');
    expect(read("what's the release window?").terms.map((t) => t.surface)).not.toContain('window');
  });

  it('a time word stays a cue where the articles write the pair with a time ("launch date", "release window")', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'grok-facts-compound-'));
    await cp(SEEDS_DIR, dir, { recursive: true });
    await writeFile(
      join(dir, 'schedule.txt'),
      'Grok V9-Medium schedule\n\nThe launch date is June 30, 2026, for paying subscribers.\nThe release window opens in July 2026 for free users, xAI said.\nThe release time was not given.\nThe context window is 512,000 tokens, according to a person familiar with the model.\n',
    );
    const index = buildIndex(await loadCorpus(dir));
    const readIn = (q: string) => analyseQuestion(q, index);
    for (const q of ['What is the launch date?', 'When is the release window?', "what's the release window"]) {
      expect(readIn(q).answerType, q).toBe('time');
      const answer = answerQuestion(index, q);
      expect(answer.status, q).toBe('answered');
      expect(answer.status === 'answered' && answer.citations[0]!.quote, q).toMatch(/June|July 2026/);
    }
    // The pair still names a thing where its passages give no answer of the type: the context window is a size.
    for (const q of ['what is the context-window?', 'context window, any word?']) {
      expect(readIn(q).answerType, q).not.toBe('time');
      const answer = answerQuestion(index, q);
      expect(answer.status === 'answered' && answer.citations[0]!.quote, q).toContain('512,000 tokens');
    }
    // Only the occurrence after the compound's first word is the compound: the first "time" still asks a time.
    expect(readIn('what time is the context window').answerType).toBe('time');
    // Beside other content the pair is a thing related to it, whatever its passages give.
    expect(readIn('is the release window tied to the subscribers?').terms.map((t) => t.surface)).toContain('window');
    // Punctuation ends a compound: "context, window" pairs nothing.
    expect(readIn('context, window?').terms.map((t) => t.surface)).not.toContain('window');
    // A follow-up reads the question before it with its compounds: the context window is carried, not a time.
    expect(analyseQuestion('and how big is it?', index, 'what is the context window').terms.map((t) => t.surface)).toContain('window');
  });
});

describe('a clause written partly in another language', () => {
  const foreign = (q: string) => [...otherLanguageWords(q, engine.index)].sort();
  it("finds the other language's words where at least two outnumber the clause's English function words", () => {
    expect(foreign('@grok-facts grok v9 medium parameters ilan po? 🙏')).toEqual(['ilan', 'po']);
    expect(foreign('kapan rilisnya sih v9-medium?? udh ga sabar')).toEqual(expect.arrayContaining(['kapan', 'rilisnya', 'sih', 'udh', 'sabar']));
    // A sentence's first word counts, capitalised as it is; a capital elsewhere is a name's.
    expect(foreign('Wanneer heeft Musk dit aangekondigd?')).toEqual(expect.arrayContaining(['wanneer', 'heeft', 'aangekondigd']));
  });

  it('finds none in English, slang, typos and terms the articles never mention included', () => {
    for (const q of ['heard its 2T params?? cap or nah', 'is it on openrouter yet?', 'wen is teh relese of grok v9', 'ngl i need a date, mid june launch is that real?', 'what was the origanal target',
      // Two words in no dictionary, but among English function words: an English question about things the articles never mention.
      'whats the capital of australia lol', 'CUDA OOM on a 4090 doing qlora, fix?', 'nasdaq or nyse for the spacex listing?']) {
      expect(foreign(q), q).toEqual([]);
    }
  });

  it("gives the refusal model the share of the question's weight in the other language's words, and nothing for English", () => {
    const share = (q: string) => {
      const analysed = read(q);
      const ranked = rankPassages(analysed, engine.index);
      return refusalFeatures(analysed, ranked, ranked[0]!).otherLanguage;
    };
    const mixed = read('grok v9 medium parameters ilan po?');
    expect(mixed.terms.filter((t) => t.otherLanguage).map((t) => t.surface).sort()).toEqual(['ilan', 'po']);
    const total = mixed.terms.reduce((sum, t) => sum + t.weight, 0);
    const theirs = mixed.terms.filter((t) => t.otherLanguage).reduce((sum, t) => sum + t.weight, 0);
    expect(share('grok v9 medium parameters ilan po?')).toBeCloseTo(theirs / total);
    expect(share('grok v9 medium parameters ilan po?')).toBeGreaterThan(0.3);
    // The same unknown word in an English question is no other language's.
    expect(share('how many parameters does ilan have?')).toBe(0);
    // Written with a capital mid-sentence, it is read as a name, and only as one.
    const named = read('grok v9 Kapan sih, kapan rilisnya?').terms.find((t) => t.surface === 'kapan')!;
    expect([named.unknownName, named.otherLanguage]).toEqual([true, false]);
  });
});
