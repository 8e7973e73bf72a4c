/**
 * The one templating helper every page goes through: values placed in an `html` template are
 * escaped unless they are themselves `html` fragments, so article and question text can never
 * become markup. Arrays are joined; null, undefined and false render as nothing.
 */
const TRUSTED = Symbol('trusted html');

export interface Html {
  readonly [TRUSTED]: true;
  readonly value: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && (value as Html)[TRUSTED] === true;
}

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isHtml(value)) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return { [TRUSTED]: true, value: out };
}
