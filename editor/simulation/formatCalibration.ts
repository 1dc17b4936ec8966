/** A calibration's numbers as the page shows them: a parameter's value in its unit, in the page's language. */
import type { PlanParameterUnit } from '../../engine/documents/planParameters.ts';
import type { Lang } from '../../engine/rules/messages.ts';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const UNIT: Record<PlanParameterUnit, { vi: string; en: string }> = {
  percent: { vi: ' %', en: ' %' }, ratio: { vi: '×', en: '×' }, days: { vi: ' ngày', en: ' days' }, months: { vi: ' tháng', en: ' months' },
};

/** A number with at most two decimals (`99,57` in Vietnamese, `99.57` in English), `—` for none. */
export function formatDecimal(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(n);
}

/** A parameter's value with its unit: `99,57 %`, `1,2×`, `30 ngày`. */
export function formatParameterValue(n: number, unit: PlanParameterUnit, lang: Lang): string {
  return `${formatDecimal(n, lang)}${UNIT[unit][lang]}`;
}

/** A range of a parameter, `98,2 – 99,97 %`. */
export function formatParameterRange(r: { min: number; max: number }, unit: PlanParameterUnit, lang: Lang): string {
  return `${formatDecimal(r.min, lang)} – ${formatParameterValue(r.max, unit, lang)}`;
}
