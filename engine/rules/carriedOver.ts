/**
 * Words for a rule carried over from an earlier regulation (`carriedOverFrom`): no source of the regulation it now
 * sits in states it, so every warning that names it as assumed also says where it came from. Pure.
 */
import type { Label } from '../documents/enums.ts';
import type { Rule } from '../documents/ruleset.ts';

/** "mang sang từ 57-QĐ/TW, không thấy trong nguồn nào của 350-QĐ/TW", or undefined for a rule of its own regulation. */
export function carriedOverText(rule: Pick<Rule, 'carriedOverFrom' | 'kind'>, code: string): Label | undefined {
  const from = rule.carriedOverFrom;
  if (!from) return undefined;
  const what = rule.kind === 'subject' ? { vi: 'nhóm đối tượng', en: 'subject group' }
    : rule.kind === 'standard' ? { vi: 'tiêu chuẩn', en: 'standard' } : { vi: 'phân cấp', en: 'tiering' };
  return {
    vi: `${what.vi} mang sang từ ${from}, không thấy trong nguồn nào của ${code}`,
    en: `${what.en} carried over from ${from}, not seen in any source of ${code}`,
  };
}
