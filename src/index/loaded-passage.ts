import type { AnswerFeatures } from './answer-features.js';
import type { IndexedPassage } from './index-model.js';
import type { Location, PassageKind } from '../passages/schema.js';
import { analyze, intern, type Term } from '../text/analyze.js';

const KINDS = ['word', 'number', 'money', 'percent', 'fraction', 'version', 'compound'] as const;

/**
 * A saved passage's terms, six values each in one flat array: term, surface, display, kind (an
 * index into KINDS), capitalized (0 or 1), position; '' for a surface equal to the term, or a
 * display equal to the surface. The saved index writes them so (persisted-index.ts).
 */
export type FlatTerms = (string | number)[];

export function flatTermsOf(terms: readonly Term[]): FlatTerms {
  const out: FlatTerms = [];
  for (const t of terms) out.push(t.term, t.surface === t.term ? '' : t.surface, t.display === t.surface ? '' : t.display, KINDS.indexOf(t.kind), t.capitalized ? 1 : 0, t.position);
  return out;
}

/** JSON.parse makes a string per occurrence; the index keeps one per distinct word. */
export function termsOfFlat(flat: FlatTerms): Term[] {
  const terms: Term[] = [];
  for (let i = 0; i + 5 < flat.length; i += 6) {
    const t = intern(flat[i] as string);
    const surface = flat[i + 1] as string;
    const display = flat[i + 2] as string;
    const s = surface === '' ? t : intern(surface);
    terms.push({ term: t, surface: s, display: display === '' ? s : intern(display), kind: KINDS[flat[i + 3] as number] ?? 'word', capitalized: flat[i + 4] === 1, position: flat[i + 5] as number });
  }
  return terms;
}

/**
 * A passage's terms are its text analysed (build-index.ts), saved so that reading them is a parse
 * rather than an analysis. A load no longer parses them, so the checksum is what vouches for them
 * until a question does; should they still not parse (a writer's fault), the text is analysed again,
 * which gives the same terms, rather than every question that reaches the passage failing.
 */
function decodeTerms(saved: string, text: string): Term[] {
  try {
    const flat = JSON.parse(saved) as unknown;
    if (Array.isArray(flat) && flat.length % 6 === 0) return termsOfFlat(flat as FlatTerms);
  } catch {
    // Analysed again below.
  }
  return analyze(text);
}

/**
 * A passage read from a saved index, whose Term objects are made the first time they are read.
 * A bot's start reads every passage, and at 10,000 articles that is five million Term objects,
 * most for passages no question reaches: parsed and made at once they were a third of the
 * start and of its heap. Until then the saved text of its FlatTerms stands in (persisted-index.ts).
 */
export class LoadedPassage implements IndexedPassage {
  #saved: string | undefined;
  #terms: Term[] | undefined;

  constructor(
    public id: number,
    public kind: PassageKind,
    public text: string,
    public locations: Location[],
    public sources: string[],
    public truncated: boolean,
    savedTerms: string,
    public termSet: Set<string>,
    public labelTerms: Set<string>,
    public contextTerms: Set<string>,
    public isDefinition: boolean,
    public refersBack: boolean,
    public features: AnswerFeatures,
  ) {
    this.#saved = savedTerms;
  }

  get terms(): Term[] {
    if (this.#terms === undefined) {
      this.#terms = decodeTerms(this.#saved!, this.text);
      this.#saved = undefined;
    }
    return this.#terms;
  }

  set terms(terms: Term[]) {
    this.#terms = terms;
    this.#saved = undefined;
  }
}
