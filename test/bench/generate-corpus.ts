import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A deterministic generator of news-like articles for benchmarks: numbers, money, dates and
 * names; facts repeated across articles in slightly different words; page furniture lines.
 * The same seed always writes the same files, so runs are comparable.
 */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = ['xAI', 'Nimbus Labs', 'Orchid AI', 'Vector Forge', 'Helix Systems', 'Quanta Works', 'Beacon AI', 'Tessellate', 'Marlin Compute', 'Aster Dynamics', 'Cobalt Cloud', 'Lumen Robotics'];
const PEOPLE = ['Elon Musk', 'Dana Whitfield', 'Arjun Mehta', 'Lena Kovacs', 'Marcus Hale', 'Sofia Brandt', 'Kenji Watanabe', 'Priya Raman', 'Tomas Lindqvist', 'Amara Okafor'];
const PLACES = ['Memphis, Tennessee', 'Austin, Texas', 'Reykjavik', 'Singapore', 'Dublin', 'Nevada', 'Oregon', 'Helsinki', 'Osaka', 'Warsaw'];
const PRODUCTS = ['Grok V9-Medium', 'Nimbus-7', 'Orchid Pro', 'Forge 3', 'Helix Ultra', 'Quanta Q2', 'Beacon Lite', 'Tess-XL', 'Marlin M4', 'Aster One'];
const HARDWARE = ['Blackwell GPUs', 'Hopper GPUs', 'custom TPUs', 'MI400 accelerators', 'Trainium chips'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TOPICS = ['coding assistants', 'search', 'robotics', 'drug discovery', 'customer support', 'translation', 'video generation', 'chip design'];
const FURNITURE = ['Loading comments...', 'Comments', '0 comments', 'Share this article', 'Advertisement', 'Subscribe to our newsletter for more stories like this.'];

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

function sentence(r: () => number): string {
  const company = pick(r, COMPANIES);
  const product = pick(r, PRODUCTS);
  const person = pick(r, PEOPLE);
  const month = pick(r, MONTHS);
  const year = 2024 + Math.floor(r() * 3);
  const params = (Math.floor(r() * 40) + 1) / 10;
  const money = Math.floor(r() * 300) / 10 + 1;
  const templates = [
    () => `${company} said ${product} has ${params} trillion parameters, up from ${(params / 3).toFixed(1)} trillion in the previous generation.`,
    () => `On ${month} ${Math.floor(r() * 28) + 1}, ${year}, ${person} announced that ${product} had finished training.`,
    () => `The company raised $${money} billion in ${month} ${year}, according to people familiar with the matter.`,
    () => `${product} is expected to be available to the public within ${Math.floor(r() * 4) + 1} to ${Math.floor(r() * 4) + 5} weeks.`,
    () => `Training ran on ${Math.floor(r() * 900 + 100)},000 ${pick(r, HARDWARE)} in a data center in ${pick(r, PLACES)}.`,
    () => `${person}, who leads research at ${company}, said the model is aimed at ${pick(r, TOPICS)}.`,
    () => `Per-token costs fell by about ${Math.floor(r() * 80) + 10}% compared with the earlier model, the company said.`,
    () => `Analysts expect ${company} to face competition from ${pick(r, COMPANIES)} and ${pick(r, COMPANIES)} in ${pick(r, TOPICS)}.`,
    () => `Inference throughput improved by ${(r() * 3 + 1).toFixed(1)} times after optimisation for ${pick(r, HARDWARE)}.`,
    () => `${company} declined to comment on the pricing of ${product} ahead of its launch in ${month}.`,
  ];
  return pick(r, templates)();
}

export function generateArticle(index: number): string {
  const r = rng(index * 7919 + 17);
  const lines: string[] = [`${pick(r, COMPANIES)} unveils ${pick(r, PRODUCTS)} as the race for ${pick(r, TOPICS)} heats up`, '', `${MONTHS[index % 12]} ${(index % 28) + 1}, 2026`, ''];
  const paragraphs = 3 + Math.floor(r() * 4);
  for (let p = 0; p < paragraphs; p++) {
    const count = 2 + Math.floor(r() * 4);
    lines.push(Array.from({ length: count }, () => sentence(r)).join(' '), '');
    if (r() < 0.2) lines.push(pick(r, FURNITURE), '');
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
