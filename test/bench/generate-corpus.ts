import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A deterministic generator of news-like coverage for benchmarks, shaped like real coverage of
 * a busy beat rather than one template repeated:
 * - stories: each has a subject (a company, its product, its people) and a handful of facts
 *   (figures, dates, places); several outlets cover each story, each restating those facts
 *   in its own words, so the same fact appears in different wording across articles;
 * - wire copy: some sentences of a story are reprinted verbatim by the outlets that carry it;
 * - reporting of its own: every article adds 15+ sentences no other article has (quotes,
 *   background, figures of its own), about different subjects with similar-shaped claims
 *   ("Shares of A climbed 1.8%" beside "Shares of B climbed 2.6%");
 * - page furniture (share bars, comment counts) between paragraphs.
 * At 10,000 articles this gives well over 200,000 distinct passages. The same count always
 * writes the same bytes, so runs are comparable.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const one = (r: () => number, lo: number, hi: number) => (lo + r() * (hi - lo)).toFixed(1);

const ONSET = ['B', 'C', 'D', 'F', 'G', 'H', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'V', 'Z', 'Br', 'Cr', 'Dr', 'St', 'Tr', 'Qu'];
const VOWEL = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io'];
const CODA = ['n', 'r', 'l', 'x', 's', 'th', 'm', 'nd', 'rk', 'ss', ''];
function coined(r: () => number): string {
  return `${pick(r, ONSET)}${pick(r, VOWEL)}${pick(r, CODA)}${r() < 0.5 ? pick(r, VOWEL) + pick(r, CODA) : ''}`;
}

/** A fixed cast: names are coined once from a seed, so every run has the same players. */
const cast = rng(424242);
const SUFFIX = ['Labs', 'AI', 'Systems', 'Compute', 'Robotics', 'Dynamics', 'Cloud', 'Works', 'Networks', 'Analytics'];
export const COMPANIES: string[] = ['xAI', ...Array.from({ length: 399 }, () => `${coined(cast)} ${pick(cast, SUFFIX)}`)];
const FIRST = ['Dana', 'Arjun', 'Lena', 'Marcus', 'Sofia', 'Kenji', 'Priya', 'Tomas', 'Amara', 'Elena', 'Omar', 'Grace', 'Rafael', 'Yuki', 'Nadia', 'Felix', 'Ines', 'Hugo', 'Mira', 'Jonas'];
export const PEOPLE: string[] = Array.from({ length: 600 }, () => `${pick(cast, FIRST)} ${coined(cast)}${pick(cast, ['', 'son', 'berg', 'ez', 'ini', 'ova'])}`);
export const PRODUCTS: string[] = COMPANIES.map((c, i) => (i === 0 ? 'Grok V9-Medium' : `${c.split(' ')[0]}-${int(cast, 2, 12)}`));
const PLACES = ['Memphis, Tennessee', 'Austin, Texas', 'Reykjavik', 'Singapore', 'Dublin', 'Nevada', 'Oregon', 'Helsinki', 'Osaka', 'Warsaw', 'Phoenix, Arizona', 'Lagos', 'Sao Paulo', 'Montreal', 'Seoul', 'Madrid'];
const HARDWARE = ['Blackwell GPUs', 'Hopper GPUs', 'custom TPUs', 'MI400 accelerators', 'Trainium chips', 'Gaudi accelerators'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TOPICS = ['coding assistants', 'search', 'robotics', 'drug discovery', 'customer support', 'translation', 'video generation', 'chip design', 'legal research', 'weather forecasting', 'tutoring', 'fraud detection'];
const ROLES = ['chief executive', 'head of research', 'chief technology officer', 'head of product', 'chief financial officer', 'lead engineer'];
const OUTLETS = ['Tech Ledger', 'The Circuit', 'Daily Compute', 'Market Wire', 'Signal Post', 'Byte Herald', 'The Inference', 'Core Report'];
const VERBS_UP = ['climbed', 'rose', 'jumped', 'gained', 'advanced'];
const VERBS_DOWN = ['fell', 'slipped', 'dropped', 'declined', 'sank'];
const FURNITURE = ['Loading comments...', 'Comments', '0 comments', 'Share this article', 'Advertisement', 'Subscribe to our newsletter for more stories like this.'];

/** One story several outlets cover: its subject and the facts every article about it restates. */
interface Story {
  company: string;
  product: string;
  person: string;
  role: string;
  params: string;
  money: string;
  month: string;
  day: number;
  year: number;
  gpus: number;
  hardware: string;
  place: string;
  cost: number;
  weeksLo: number;
  weeksHi: number;
  topic: string;
  wire: string[];
}

/** About three articles per story, so each fact is restated by a few outlets. */
const ARTICLES_PER_STORY = 3;

function storyOf(n: number): Story {
  const r = rng(n * 104729 + 7);
  const c = int(r, 0, COMPANIES.length - 1);
  const s: Omit<Story, 'wire'> = {
    company: COMPANIES[c]!,
    product: PRODUCTS[c]!,
    person: pick(r, PEOPLE),
    role: pick(r, ROLES),
    params: one(r, 0.3, 6),
    money: one(r, 1, 40),
    month: pick(r, MONTHS),
    day: int(r, 1, 28),
    year: int(r, 2024, 2026),
    gpus: int(r, 10, 400) * 1000,
    hardware: pick(r, HARDWARE),
    place: pick(r, PLACES),
    cost: int(r, 10, 90),
    weeksLo: int(r, 1, 4),
    weeksHi: int(r, 5, 9),
    topic: pick(r, TOPICS),
  };
  // Wire copy: sentences the outlets carrying this story reprint word for word.
  const wire = [
    `${s.company} said in a statement that ${s.product} would be offered first to enterprise customers in ${s.place}.`,
    `"We built ${s.product} for people who need answers they can check," ${s.person} said at the launch event in ${s.place}.`,
    `The company did not disclose how much the training run cost, but said it used ${s.gpus.toLocaleString('en-US')} ${s.hardware}.`,
    `${s.product} will compete directly with offerings from ${pick(r, COMPANIES)} and ${pick(r, COMPANIES)} in ${s.topic}.`,
  ];
  return { ...s, wire };
}

/** The story's facts, each in several wordings: outlets restate the same figure in their own words. */
function restatedFacts(s: Story, r: () => number): string[] {
  const say = (...versions: string[]) => pick(r, versions);
  return [
    say(
      `${s.company} said ${s.product} has ${s.params} trillion parameters.`,
      `${s.product} has ${s.params} trillion parameters, according to ${s.company}.`,
      `At ${s.params} trillion parameters, ${s.product} is the largest model ${s.company} has trained.`,
    ),
    say(
      `${s.person}, ${s.company}'s ${s.role}, announced ${s.product} on ${s.month} ${s.day}, ${s.year}.`,
      `${s.product} was unveiled on ${s.month} ${s.day}, ${s.year} by ${s.person}, the company's ${s.role}.`,
      `On ${s.month} ${s.day}, ${s.year}, ${s.person} took the stage to present ${s.product}.`,
    ),
    say(
      `${s.company} raised $${s.money} billion to fund the work, according to people familiar with the matter.`,
      `The launch follows a $${s.money} billion funding round for ${s.company}.`,
      `${s.company} has raised $${s.money} billion, people briefed on the round said.`,
    ),
    say(
      `${s.product} was trained on ${s.gpus.toLocaleString('en-US')} ${s.hardware} at a data center in ${s.place}.`,
      `Training ran on ${s.gpus.toLocaleString('en-US')} ${s.hardware} in ${s.place}.`,
    ),
    say(
      `Per-token costs for ${s.product} fell by about ${s.cost}% compared with the previous model.`,
      `${s.company} said running ${s.product} costs about ${s.cost}% less per token than its predecessor.`,
    ),
    say(
      `${s.product} is expected to reach the public within ${s.weeksLo} to ${s.weeksHi} weeks.`,
      `Public access to ${s.product} should follow in ${s.weeksLo} to ${s.weeksHi} weeks, the company said.`,
    ),
  ];
}

/** Reporting only this article has: other subjects, similar-shaped claims, figures of its own. */
function ownSentence(r: () => number, s: Story, outlet: string): string {
  const other = pick(r, COMPANIES);
  const otherProduct = pick(r, PRODUCTS);
  const person = pick(r, PEOPLE);
  const templates = [
    () => `Shares of ${other} ${pick(r, VERBS_UP)} ${one(r, 0.2, 9)}% on ${pick(r, DAYS)} after the announcement.`,
    () => `Shares of ${other} ${pick(r, VERBS_DOWN)} ${one(r, 0.2, 9)}% in ${pick(r, DAYS)} trading.`,
    () => `${other} said last quarter that revenue from ${pick(r, TOPICS)} grew ${int(r, 5, 240)}% to $${one(r, 0.1, 30)} billion.`,
    () => `${person}, ${pick(r, ROLES)} at ${other}, said the market for ${pick(r, TOPICS)} could reach $${int(r, 2, 900)} billion by ${int(r, 2027, 2035)}.`,
    () => `${otherProduct} scored ${one(r, 40, 99)}% on the ${pick(r, ['MMLU', 'GPQA', 'SWE-bench', 'HumanEval', 'ARC'])} benchmark in tests by ${other}.`,
    () => `${other} employs about ${int(r, 30, 9000).toLocaleString('en-US')} people, ${int(r, 5, 60)}% of them engineers.`,
    () => `"${pick(r, ['This changes', 'This does not change', 'It is too early to judge', 'We are watching'])} the economics of ${pick(r, TOPICS)}," said ${person}, an analyst at ${pick(r, OUTLETS)} Research.`,
    () => `${other} opened an office in ${pick(r, PLACES)} in ${pick(r, MONTHS)} ${int(r, 2019, 2026)} with ${int(r, 12, 800)} staff.`,
    () => `${otherProduct} costs $${one(r, 0.1, 60)} per million tokens, ${other} said on its pricing page.`,
    () => `${person} joined ${other} in ${int(r, 2012, 2026)} after ${int(r, 2, 19)} years at ${pick(r, COMPANIES)}.`,
    () => `A survey of ${int(r, 200, 9000).toLocaleString('en-US')} developers found ${int(r, 5, 95)}% had tried ${otherProduct} for ${pick(r, TOPICS)}.`,
    () => `${other}'s data center in ${pick(r, PLACES)} draws ${int(r, 20, 1500)} megawatts, according to filings seen by ${outlet}.`,
    () => `In ${pick(r, MONTHS)}, ${other} cut the price of ${otherProduct} by ${int(r, 5, 80)}%.`,
    () => `${s.company} declined to say whether ${s.product} would run on ${pick(r, HARDWARE)} in ${pick(r, PLACES)}.`,
    () => `${person} told ${outlet} that ${other} plans to hire ${int(r, 20, 3000)} more engineers this year.`,
    () => `Inference on ${otherProduct} is ${one(r, 1.1, 6)} times faster than on its predecessor, ${other} claims.`,
  ];
  return pick(r, templates)();
}

/** Fisher–Yates with the article's own generator: the same order on every run and every engine. */
function shuffle<T>(items: T[], r: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function generateArticle(index: number): string {
  const r = rng(index * 7919 + 17);
  const s = storyOf(Math.floor(index / ARTICLES_PER_STORY));
  const outlet = OUTLETS[index % OUTLETS.length]!;
  const headline = `${s.company} unveils ${s.product} as the race for ${s.topic} heats up`;
  const sentences = [
    ...restatedFacts(s, r),
    // Each outlet reprints some of the wire copy, verbatim.
    ...s.wire.filter(() => r() < 0.5),
    ...Array.from({ length: int(r, 16, 24) }, () => ownSentence(r, s, outlet)),
  ];
  // Facts lead, the rest follows in an order of the article's own.
  const body = [...sentences.slice(0, 2), ...shuffle(sentences.slice(2), r)];
  const lines: string[] = [headline, '', `By ${pick(r, PEOPLE)} | ${outlet}`, `${MONTHS[index % 12]} ${(index % 28) + 1}, 2026`, ''];
  for (let i = 0; i < body.length; ) {
    const count = int(r, 2, 5);
    lines.push(body.slice(i, i + count).join(' '), '');
    i += count;
    if (r() < 0.15) lines.push(pick(r, FURNITURE), '');
  }
  lines.push(pick(r, FURNITURE));
  return lines.join('\n');
}

/** Writes `count` articles (and nothing else) into `dir`, replacing what was there. */
export function writeCorpus(dir: string, count: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `syn_${String(i).padStart(5, '0')}.txt`), generateArticle(i));
}

/** One article, written as if newly published: for measuring an incremental add. */
export function extraArticle(count: number): string {
  return generateArticle(count);
}
