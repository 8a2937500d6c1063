/** The languages GridDesk speaks: Simplified Chinese first, English second. */
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

/** A word or phrase in both languages, for a parameter that is itself words (a role, a place). */
export type Localized = Readonly<Record<Locale, string>>;

/** What fills a `{name}` placeholder: taken as it is, or in the language being written. */
export type ParamValue = string | number | Localized;

/** One message: a template per language, each with the same `{name}` placeholders. */
export type Message = Localized;

/** The names of the `{name}` placeholders of a template. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;

/** The placeholder names of a template, at run time (for checking a catalog). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

function isLocalized(value: ParamValue): value is Localized {
  return typeof value === 'object' && value !== null;
}

/** Fills a template's placeholders in one language; an unknown placeholder stays as written. */
export function fillTemplate(template: string, params: Readonly<Record<string, ParamValue>>, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return isLocalized(value) ? value[locale] : String(value);
  });
}
