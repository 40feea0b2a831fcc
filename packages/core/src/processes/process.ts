/** Pure rules for strategy processes. */

/** A slug is what appears in URLs and on the CLI: lower-case letters, digits and single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Turns a title into a slug: "Ny strategi for UH 2021" → "ny-strategi-for-uh-2021". */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** Picks the translated value of a field when the locale differs from the content language. */
export function translated<T>(
  value: T,
  translations: Record<string, Record<string, unknown>>,
  field: string,
  locale: string,
): T {
  const candidate = translations[locale]?.[field];
  return candidate === undefined || candidate === null ? value : (candidate as T);
}
