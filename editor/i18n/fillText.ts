/** A bilingual text in the page language with its `{name}` placeholders filled (own keys only; unknown ones stay). */
import type { Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';

export function fillText(label: Label, lang: Lang, values: Readonly<Record<string, string | number>> = {}): string {
  return label[lang].replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : m));
}
