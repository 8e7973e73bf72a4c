/** Questions in the shape people ask, about the synthetic corpus's names and figures (deterministic). */
const PRODUCTS = ['Grok V9-Medium', 'Nimbus-7', 'Orchid Pro', 'Forge 3', 'Helix Ultra', 'Quanta Q2', 'Beacon Lite', 'Tess-XL', 'Marlin M4', 'Aster One'];
const COMPANIES = ['xAI', 'Nimbus Labs', 'Orchid AI', 'Vector Forge', 'Helix Systems', 'Quanta Works'];

export function syntheticQuestions(): string[] {
  const out: string[] = [];
  for (const p of PRODUCTS) {
    out.push(`How many parameters does ${p} have?`, `When will ${p} be available?`, `what hardware was ${p} trained on`, `who announced ${p}?`);
  }
  for (const c of COMPANIES) out.push(`How much did ${c} raise?`, `Who competes with ${c}?`, `how much did per-token costs fall at ${c}`);
  out.push('What is the capital of Australia?', 'How many parameters does GPT-5 have?', 'where was the model trained', 'how much faster is inference');
  return out;
}
