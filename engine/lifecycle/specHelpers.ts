/** Parameter schemas and small text helpers shared by the guard and action specs. */
import { z } from 'zod/mini';
import { daysInMonth, parseIsoDate, toIso } from '../documents/dates.ts';
import { ParamRefSchema, type Lifecycle } from '../documents/lifecycle.ts';

/** A number, or a reference to a document parameter. */
export const NumOrRef = z.union([z.number(), ParamRefSchema]);
export const NoParams = z.strictObject({});

/** `in-session` → "đang học (in-session)" using the lifecycle's own labels. */
export function stateLabel(doc: Lifecycle | undefined, id: string, lang: 'vi' | 'en'): string {
  const label = doc?.states[id]?.label[lang];
  return label ? `${label} (${id})` : id;
}

export function listIds(ids: readonly string[], limit = 5): string {
  return ids.length <= limit ? ids.join(', ') : `${ids.slice(0, limit).join(', ')}, … (+${ids.length - limit})`;
}

/** Adds whole months to an ISO date; a day past the month's end moves to its last day (31/01 + 1 → 28/02 or 29/02). */
export function addMonths(iso: string, months: number): string {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`not an ISO date: ${iso}`);
  const total = d.year * 12 + (d.month - 1) + Math.floor(months);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return toIso({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

