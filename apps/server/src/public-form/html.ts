/** Markup that is already escaped: the only thing `html` inserts without escaping. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char]!);
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * A tagged template that escapes every interpolated value unless it is `SafeHtml` (nested `html`
 * results). Booleans and nullish values render as nothing, so `${isX && html`…`}` works.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** An attribute that is present only when `isOn` (e.g. `checked`, `required`). */
export function flag(name: string, isOn: boolean): SafeHtml {
  return new SafeHtml(isOn ? ` ${name}` : '');
}

/** `aria-describedby` from the ids that exist, or nothing. */
export function describedBy(ids: (string | false | undefined)[]): SafeHtml {
  const present = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return present.length ? html` aria-describedby="${present.join(' ')}"` : new SafeHtml('');
}
