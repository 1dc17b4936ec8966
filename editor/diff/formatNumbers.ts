/** Numbers as each language writes them: `100.000` and `4,8%` in Vietnamese, `100,000` and `4.8%` in English. */
import type { Lang } from '../i18n/strings.ts';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const counts = new Map<Lang, Intl.NumberFormat>();
const percents = new Map<Lang, Intl.NumberFormat>();

export function formatCount(n: number, lang: Lang): string {
  let f = counts.get(lang);
  if (!f) counts.set(lang, (f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 })));
  return f.format(n);
}

/** `part` of `whole` with one decimal; 0% of nothing. */
export function formatPercent(part: number, whole: number, lang: Lang): string {
  let f = percents.get(lang);
  if (!f) percents.set(lang, (f = new Intl.NumberFormat(LOCALE[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return f.format(whole === 0 ? 0 : part / whole);
}

/** Seconds with one decimal (`2,3 giây` is built by the caller). */
export function formatSeconds(ms: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000);
}
