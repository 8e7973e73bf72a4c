import { COMPANIES, PEOPLE, PRODUCTS } from './generate-corpus.js';

/** Questions in the shape people ask, about the synthetic corpus's names and figures (deterministic). */
export function syntheticQuestions(): string[] {
  const out: string[] = [];
  // Names from across the cast: every one of them is covered at 1,000 articles and more.
  for (const p of PRODUCTS.filter((_, i) => i % 40 === 0)) {
    out.push(`How many parameters does ${p} have?`, `When will ${p} be available?`, `what hardware was ${p} trained on`, `who announced ${p}?`, `How much does ${p} cost per million tokens?`);
  }
  for (const c of COMPANIES.filter((_, i) => i % 40 === 7)) {
    out.push(`How much did ${c} raise?`, `Who competes with ${c}?`, `how much did per-token costs fall at ${c}`, `How many people does ${c} employ?`, `How much power does the ${c} data center draw?`);
  }
  for (const person of PEOPLE.filter((_, i) => i % 100 === 3)) out.push(`Who is ${person}?`);
  out.push('What is the capital of Australia?', 'How many parameters does GPT-5 have?', 'where was the model trained', 'how much faster is inference');
  return out;
}
