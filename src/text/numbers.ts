import { ownEntry } from './own-entry.js';

/**
 * Numbers become single canonical tokens so that "1.5T", "1.5 trillion" and "1.5-trillion"
 * all index as `1.5t`, and "555,000" and "555k" both as `555k`.
 */
const SCALE_WORDS: Record<string, string> = {
  trillion: 't', trillions: 't', t: 't', tn: 't',
  billion: 'b', billions: 'b', b: 'b', bn: 'b',
  million: 'm', millions: 'm', m: 'm', mn: 'm', mm: 'm',
  thousand: 'k', thousands: 'k', k: 'k',
};

const SCALE_VALUES: ReadonlyArray<[string, number]> = [
  ['t', 1e12],
  ['b', 1e9],
  ['m', 1e6],
  ['k', 1e3],
];

export function scaleSuffix(word: string): string | undefined {
  return ownEntry(SCALE_WORDS, word);
}

function formatScaled(value: number): string {
  for (const [suffix, size] of SCALE_VALUES) {
    if (value >= size) return `${trimNumber(value / size)}${suffix}`;
  }
  return trimNumber(value);
}

function trimNumber(value: number): string {
  return String(Number(value.toFixed(3)));
}

/**
 * Canonical token for a numeral and an optional scale suffix (`t`, `b`, `m`, `k`).
 * Years (four digits, no separators) and small numbers stay as written.
 */
export function canonicalNumber(digits: string, suffix?: string): string {
  const hadSeparator = digits.includes(',');
  const value = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(value)) return digits;
  if (suffix) {
    const size = SCALE_VALUES.find(([s]) => s === suffix)?.[1] ?? 1;
    return formatScaled(value * size);
  }
  if (!hadSeparator && value < 10000) return digits.replace(/^0+(?=\d)/, '');
  return formatScaled(value);
}
