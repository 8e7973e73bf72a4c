/**
 * Vocabulary the readers of a launch use for the things the articles describe.
 * Each group folds to its first word, on both the index and the question side, so
 * "params", "chips" or "coming out" find passages that say "parameters", "GPUs" or "release".
 * Groups name kinds of things (size, price, hardware), never the answer to a question.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['parameter', 'parameters', 'param', 'params', 'weights'],
  ['size', 'scale', 'big', 'bigger', 'larger', 'huge', 'sizes'],
  ['gpu', 'gpus', 'chip', 'chips', 'hardware', 'accelerator', 'accelerators', 'silicon'],
  ['release', 'released', 'releases', 'launch', 'launched', 'launches', 'launching', 'available', 'availability',
    'ship', 'ships', 'shipping', 'rollout', 'debut', 'debuts', 'releasing', 'drop', 'drops', 'dropping', 'eta'],
  ['first', 'early', 'earliest', 'initial', 'initially'],
  ['cost', 'costs', 'price', 'prices', 'pricing', 'priced', 'expensive', 'cheap', 'cheaper', 'costly'],
  ['fund', 'funding', 'funds', 'funded', 'money', 'cash', 'financing', 'capital', 'raise', 'raised', 'raises', 'raising'],
  ['decrease', 'decreased', 'decreases', 'decreasing', 'decline', 'declined', 'reduce', 'reduced', 'reduces', 'reduction',
    'reductions', 'fall', 'fell', 'falls', 'cut', 'cuts', 'lower', 'lowered', 'shrink', 'shrank'],
  ['invest', 'invested', 'investor', 'investors', 'investment', 'investments', 'backer', 'backers'],
  ['editor', 'editors', 'ide', 'ides'],
  ['code', 'coding', 'coder', 'coders', 'programming', 'programmer', 'programmers', 'software'],
  ['developer', 'developers', 'dev', 'devs'],
  ['previous', 'predecessor', 'prior', 'older', 'earlier', 'old'],
  ['model', 'models', 'llm', 'llms'],
  ['speed', 'fast', 'faster', 'quicker', 'throughput', 'speedup'],
  ['merger', 'merge', 'merged', 'merging', 'absorbed', 'absorb', 'acquisition', 'takeover', 'buyout', 'acquire', 'acquired',
    'acquires', 'acquiring', 'buy', 'bought', 'purchase', 'purchased', 'deal', 'deals'],
  ['supercomputer', 'supercomputers', 'datacenter', 'datacentre', 'data-center'],
  ['train', 'trained', 'training', 'trains'],
  ['evaluation', 'evaluations', 'eval', 'evals', 'benchmark', 'benchmarks'],
  ['generation', 'gen', 'generations'],
  ['vehicle', 'vehicles', 'car', 'cars'],
  ['optimize', 'optimized', 'optimizes', 'optimization', 'optimise', 'optimised', 'optimisation', 'tune', 'tuned', 'tuning',
    'adapt', 'adapted', 'adaptation', 'customize', 'customized', 'customizes', 'tailored'],
  ['provide', 'provides', 'provided', 'providing', 'give', 'gives', 'gave', 'given', 'bring', 'brings', 'brought', 'offer',
    'offers', 'offered', 'combine', 'combined', 'combines', 'contribute', 'contributed', 'supply', 'supplies', 'supplied', 'supplying'],
  // Porter2 leaves these verb/noun pairs apart; readers use them interchangeably.
  ['expand', 'expands', 'expanded', 'expanding', 'expansion', 'expansions'],
  ['decide', 'decides', 'decided', 'decision', 'decisions'],
  ['extend', 'extends', 'extended', 'extension'],
  ['produce', 'produces', 'produced', 'production'],
  ['introduce', 'introduces', 'introduction'],
  ['deploy', 'deploys', 'deployed', 'deploying', 'deployment', 'deployments', 'implement', 'implements', 'implemented', 'implementation'],
  ['start', 'starts', 'started', 'starting', 'begin', 'begins', 'began', 'beginning', 'commence', 'commences', 'commenced', 'kickoff'],
  ['include', 'includes', 'included', 'including', 'contain', 'contains', 'contained', 'cover', 'covers', 'covered', 'covering', 'comprise', 'comprises', 'consist', 'consists'],
  ['announce', 'announced', 'announces', 'announcement', 'unveil', 'unveiled', 'unveils', 'reveal', 'revealed', 'reveals',
    'confirm', 'confirmed', 'confirms'],
  ['compete', 'competes', 'competing', 'competition', 'competitor', 'competitors', 'competitive', 'rival', 'rivals'],
  ['problem', 'problems', 'issue', 'issues', 'shortcoming', 'shortcomings', 'weakness', 'weaknesses', 'flaw', 'flaws', 'wrong',
    'criticize', 'criticized', 'criticise', 'criticised', 'criticism', 'complaint', 'complaints', 'blame', 'blamed'],
  ['ipo', 'listing'],
  ['improve', 'improves', 'improved', 'improving', 'improvement', 'improvements', 'gain', 'gains', 'boost', 'boosts', 'boosted', 'uplift'],
  ['surpass', 'surpasses', 'surpassed', 'beat', 'beats', 'outperform', 'outperforms', 'outperformed', 'exceed', 'exceeds', 'exceeded',
    'exceeding', 'outdo', 'outdoes', 'top', 'tops', 'topped'],
  // Running an organisation; "leading" and "leader" stay apart ("the leading AI editor", "leader in coding").
  ['oversee', 'oversees', 'overseeing', 'oversaw', 'overseen', 'manage', 'manages', 'managed', 'managing', 'helm', 'helms'],
];

/** Phrases rewritten before single words are looked up (token sequences, already tokenized). */
export const PHRASE_ALIASES: readonly { from: readonly string[]; to: readonly string[] }[] = [
  { from: ['come', 'out'], to: ['release'] },
  { from: ['comes', 'out'], to: ['release'] },
  { from: ['coming', 'out'], to: ['release'] },
  { from: ['came', 'out'], to: ['release'] },
  { from: ['go', 'live'], to: ['release'] },
  { from: ['goes', 'live'], to: ['release'] },
  { from: ['going', 'live'], to: ['release'] },
  { from: ['grok', '9'], to: ['grok', 'v9'] },
  { from: ['grok', 'nine'], to: ['grok', 'v9'] },
  { from: ['grok9'], to: ['grok', 'v9'] },
  { from: ['version', '9'], to: ['v9'] },
  { from: ['grok', '8'], to: ['grok', 'v8'] },
  { from: ['grok8'], to: ['grok', 'v8'] },
  { from: ['version', '8'], to: ['v8'] },
  { from: ['rlhf'], to: ['reinforcement', 'learning', 'human', 'feedback'] },
  { from: ['rl'], to: ['reinforcement', 'learning'] },
  { from: ['sft'], to: ['supervised', 'finetuning'] },
  { from: ['fine', 'tuning'], to: ['finetuning'] },
  { from: ['fine', 'tune'], to: ['finetuning'] },
  { from: ['fine', 'tuned'], to: ['finetuning'] },
  { from: ['fine', 'tunes'], to: ['finetuning'] },
  { from: ['finetune'], to: ['finetuning'] },
  { from: ['finetuned'], to: ['finetuning'] },
  { from: ['pretraining'], to: ['pre', 'training'] },
  { from: ['open', 'ai'], to: ['openai'] },
  { from: ['space', 'x'], to: ['spacex'] },
  { from: ['x.ai'], to: ['xai'] },
  { from: ['mixture', 'of', 'experts'], to: ['moe'] },
  { from: ['go', 'public'], to: ['ipo'] },
  { from: ['going', 'public'], to: ['ipo'] },
  { from: ['public', 'offering'], to: ['ipo'] },
  { from: ['per', 'token'], to: ['token'] },
  { from: ['good', 'at'], to: ['focus'] },
  // "Backed" means invested only in these shapes; "GPU-backed debt" is something else.
  { from: ['who', 'backed'], to: ['who', 'invest'] },
  { from: ['backed', 'by'], to: ['invest', 'by'] },
  { from: ['out', 'yet'], to: ['release'] },
  { from: ['out', 'now'], to: ['release'] },
  { from: ['up', 'against'], to: ['compete'] },
  // "Who runs X" asks who is in charge; elsewhere "run" is a light verb ("what does it run on").
  { from: ['who', 'runs'], to: ['who', 'oversee'] },
  { from: ['who', 'ran'], to: ['who', 'oversee'] },
  { from: ['who', 'leads'], to: ['who', 'oversee'] },
  { from: ['who', 'led'], to: ['who', 'oversee'] },
  { from: ['who', 'heads'], to: ['who', 'oversee'] },
  { from: ['in', 'charge'], to: ['oversee'] },
  // Question phrasing, not content: "how long till launch" asks when.
  { from: ['how', 'long'], to: [] },
  { from: ['how', 'soon'], to: [] },
  { from: ['start', 'using'], to: ['use'] },
  { from: ['start', 'use'], to: ['use'] },
  { from: ['kick', 'off'], to: ['start'] },
  // The social network X: a one-letter name the filter for stray letters would drop.
  { from: ['x', 'platform'], to: ['x-platform'] },
  { from: ['platform', 'x'], to: ['x-platform'] },
  // Compounds whose parts mean something else alone: "large-scale" is not a size, "open source" not a release.
  { from: ['large', 'scale'], to: ['largescale'] },
  { from: ['open', 'source'], to: ['opensource'] },
  { from: ['open', 'sourced'], to: ['opensource'] },
];

/**
 * Words the stemmer folds into a synonym group's stem although they mean something else:
 * Porter2 stems "competencies" like "compete". Each keeps a term of its own.
 */
export const STEM_EXCEPTIONS: Readonly<Record<string, string>> = {
  competence: 'competency',
  competences: 'competency',
  competency: 'competency',
  competencies: 'competency',
  competent: 'competency',
};
