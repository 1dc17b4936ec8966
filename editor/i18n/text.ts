/**
 * The one accessor of the page's own words: `text(lang, 'rules.addRule')`, `text(lang, 'page.pageOf', { page, … })`.
 * Keys are typed (a key no table has does not compile) and so are placeholders: a key whose entry has `{name}`
 * placeholders takes an object with exactly those names, one without takes none.
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { fillText } from './fillText.ts';
import { textTable, type TextTables } from './textTables.ts';

export type { Lang };

/** The language the page's switch turns to. */
export const OTHER_LANG: Readonly<Record<Lang, Lang>> = { vi: 'en', en: 'vi' };

/** `namespace.key` for every entry of every table. */
export type TextKey = { [N in keyof TextTables]: `${N & string}.${keyof TextTables[N] & string}` }[keyof TextTables];

type EntryOf<K extends TextKey> = K extends `${infer N extends keyof TextTables}.${infer E}`
  ? E extends keyof TextTables[N] ? TextTables[N][E] : never
  : never;

type PlaceholdersIn<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersIn<Rest> : never;

/** The `{name}` placeholders of a key's entry, in either language. */
export type TextVars<K extends TextKey> = EntryOf<K> extends infer L
  ? L extends { vi: infer V; en: infer E } ? PlaceholdersIn<V> | PlaceholdersIn<E> : never
  : never;

/** The keys whose entries have no placeholder: what a table of labels (stats, headings) may hold. */
export type PlainTextKey = { [K in TextKey]: [TextVars<K>] extends [never] ? K : never }[TextKey];

type VarsArg<K extends TextKey> = [TextVars<K>] extends [never] ? [] : [vars: Readonly<Record<TextVars<K>, string | number>>];

/** The entry of a key, both languages, for code that carries a `Label` (aria tables, action registries). */
export function textLabel(key: TextKey): Label {
  const dot = key.indexOf('.');
  return textTable(key.slice(0, dot) as keyof TextTables)[key.slice(dot + 1)]!;
}

/** The page's text for `key` in `lang`, its `{name}` placeholders filled from `vars`. */
export function text<K extends TextKey>(lang: Lang, key: K, ...vars: VarsArg<K>): string {
  return fillText(textLabel(key), lang, vars[0]);
}
