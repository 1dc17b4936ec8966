/**
 * The regulation in force on the nomination date (thời điểm cử đi học), never today's date.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import { formatDate } from '../documents/dates.ts';
import type { Ruleset } from '../documents/ruleset.ts';

export type Selection<R> = { ok: true; ruleset: R } | { ok: false; diagnostic: Diagnostic };

/** The ruleset with the latest `effectiveFrom` on or before `on`. */
export function selectRuleset<R extends Pick<Ruleset, 'regulation'>>(rulesets: readonly R[], on: string): Selection<R> {
  let best: R | undefined;
  for (const r of rulesets) {
    if (r.regulation.effectiveFrom <= on && (!best || r.regulation.effectiveFrom > best.regulation.effectiveFrom)) best = r;
  }
  if (best) return { ok: true, ruleset: best };
  const earliest = [...rulesets].sort((a, b) => a.regulation.effectiveFrom.localeCompare(b.regulation.effectiveFrom))[0];
  const from = earliest ? `${earliest.regulation.code} áp dụng từ ${formatDate(earliest.regulation.effectiveFrom)}` : 'chưa nạp bộ quy tắc nào';
  const fromEn = earliest ? `${earliest.regulation.code} applies from ${formatDate(earliest.regulation.effectiveFrom)}` : 'no ruleset is loaded';
  return {
    ok: false,
    diagnostic: diagnostic('nomination/no-regulation', 'error', 'nomination.on',
      { vi: `Không có quy định nào áp dụng cho ngày cử đi học ${formatDate(on)}: ${from}.`, en: `No regulation applies to a nomination dated ${formatDate(on)}: ${fromEn}.` },
      { vi: 'Kiểm tra ngày cử đi học; quy định trước 57-QĐ/TW chưa được mã hóa.', en: 'Check the nomination date; regulations before 57-QĐ/TW are not encoded.' }),
  };
}
