const rules = new Intl.PluralRules('en');

/**
 * "1 conflict", "2 conflicts": every count a person reads goes through here, so no message
 * says "1 conflicts". `many` defaults to `one` + "s"; pass it for the irregular ones.
 */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${rules.select(n) === 'one' ? one : many}`;
}
