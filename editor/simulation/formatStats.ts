/** Simulation figures as the page shows them: a median with its p5–p95 range, numbers and dates in the page's language. */
import { formatDate } from '../../engine/documents/dates.ts';
import type { DateStats, Stats } from '../../engine/simulate/buildSimulationResult.ts';
import type { Lang } from '../../engine/rules/messages.ts';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A number with at most one decimal, `—` for none. */
export function formatFigure(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(n);
}

/** A signed difference (`+12`, `−3,5`, `0`). */
export function formatDelta(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return n > 0 ? `+${formatFigure(n, lang)}` : n < 0 ? `−${formatFigure(-n, lang)}` : '0';
}

/** `p5–p95` of a figure. */
export function formatInterval(s: Stats, lang: Lang, signed = false): string {
  const f = signed ? formatDelta : formatFigure;
  return `${f(s.p5, lang)} – ${f(s.p95, lang)}`;
}

/** The median date, DD/MM/YYYY, `—` when the class never got there in most runs. */
export function formatMedianDate(s: DateStats): string {
  return s.p50 ? formatDate(s.p50) : '—';
}
