/**
 * Plan diagnostics beyond the schema: references that do not resolve (a quota naming no agency, an institution not in
 * the catalogue, a ruleset not loaded), sizes and dates that cannot work (minimum above maximum, a class opening
 * before the plan is approved, a holiday ending before it starts), parameters outside their range, and warnings
 * for what will make a class fail in the simulation (quotas below the minimum, a study time shorter than the
 * lifecycle allows before exams). Every diagnostic is located by path and segments; pure.
 */
import type { InstitutionCatalogue } from '../documents/catalogue.ts';
import { LABELS } from '../documents/enums.ts';
import type { Lifecycle } from '../documents/lifecycle.ts';
import { own } from '../documents/own.ts';
import type { Plan } from '../documents/plan.ts';
import { PLAN_PARAMETERS, type PlanParameterName } from '../documents/planParameters.ts';
import { parameterValue } from '../lifecycle/resolveParams.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import { closest, diagnostic, type Diagnostic } from './Diagnostic.ts';
import { outOfScopeClasses } from './planScope.ts';

export interface ValidatePlanOptions {
  institutions: Pick<InstitutionCatalogue, 'institutions' | 'provinces'>;
  /** Ids of the rulesets a plan's `ruleset` may name. */
  rulesetIds: readonly string[];
  /** The class lifecycle the classes will follow (for the study-time check); optional. */
  classLifecycle?: Lifecycle;
  /** The rulesets the plan is judged under (for classes at a level out of their scope, see planScope.ts); optional. */
  rulesets?: readonly Ruleset[];
}

export function validatePlan(plan: Plan, options: ValidatePlanOptions): Diagnostic[] {
  const out: Diagnostic[] = options.rulesets ? outOfScopeClasses(plan, options.rulesets) : [];
  const institutionIds = new Set([...options.institutions.institutions.map((i) => i.id), ...options.institutions.provinces.map((p) => p.school.id)]);
  duplicates(plan.agencies.map((a) => a.id), 'agencies', 'agency', out);
  duplicates(plan.classes.map((c) => c.id), 'classes', 'class', out);
  const agencyIds = plan.agencies.map((a) => a.id);

  plan.agencies.forEach((a, i) => {
    if (a.name === undefined && a.province === undefined && a.tier === undefined && a.sector === undefined) {
      out.push(diagnostic('plan/agency-matches-everyone', 'error', ['agencies', i],
        { vi: `Đơn vị "${a.id}" không nêu name, province, tier hay sector nên khớp với mọi cán bộ.`, en: `Agency "${a.id}" gives no name, province, tier or sector, so it would match every cadre.` },
        { vi: 'Nêu ít nhất tên cơ quan (name) hoặc tỉnh (province).', en: 'Give at least the agency name or the province.' }));
    }
  });

  if (plan.ruleset !== undefined && !options.rulesetIds.includes(plan.ruleset)) {
    const guess = closest(plan.ruleset, options.rulesetIds);
    out.push(diagnostic('plan/unknown-ruleset', 'error', ['ruleset'], { vi: `Không có bộ quy tắc "${plan.ruleset}".`, en: `No ruleset "${plan.ruleset}".` },
      guess ? { vi: `Có phải "${guess}"?`, en: `Did you mean "${guess}"?` } : { vi: `Các bộ quy tắc: ${options.rulesetIds.join(', ')}.`, en: `Rulesets: ${options.rulesetIds.join(', ')}.` }));
  }

  plan.classes.forEach((c, i) => {
    const at = ['classes', i] as const;
    if (!institutionIds.has(c.institution)) {
      const guess = closest(c.institution, [...institutionIds]);
      out.push(diagnostic('plan/unknown-institution', 'error', [...at, 'institution'], { vi: `Lớp ${c.id}: không có cơ sở đào tạo "${c.institution}" trong danh mục.`, en: `Class ${c.id}: no institution "${c.institution}" in the catalogue.` },
        guess ? { vi: `Có phải "${guess}"?`, en: `Did you mean "${guess}"?` } : { vi: 'Dùng mã trong rulesets/institutions.json.', en: 'Use an id from rulesets/institutions.json.' }));
    }
    if (c.minSize > c.maxSize) {
      out.push(diagnostic('plan/min-above-max', 'error', [...at, 'minSize'], { vi: `Lớp ${c.id}: sĩ số tối thiểu ${c.minSize} lớn hơn tối đa ${c.maxSize}.`, en: `Class ${c.id}: minimum size ${c.minSize} is above the maximum ${c.maxSize}.` }));
    }
    if (c.opensOn < plan.approvedOn) {
      out.push(diagnostic('plan/opens-before-approval', 'error', [...at, 'opensOn'], { vi: `Lớp ${c.id} khai giảng ${c.opensOn} trước ngày phê duyệt kế hoạch ${plan.approvedOn}.`, en: `Class ${c.id} opens on ${c.opensOn}, before the plan is approved on ${plan.approvedOn}.` }));
    }
    c.serves.forEach((q, j) => {
      if (!agencyIds.includes(q.agency)) {
        const guess = closest(q.agency, agencyIds);
        out.push(diagnostic('plan/unknown-agency', 'error', [...at, 'serves', j, 'agency'], { vi: `Lớp ${c.id}: không có đơn vị "${q.agency}" trong agencies.`, en: `Class ${c.id}: no agency "${q.agency}" in agencies.` }, guess ? { vi: `Có phải "${guess}"?`, en: `Did you mean "${guess}"?` } : undefined));
      }
    });
    const quota = c.serves.reduce((n, q) => n + q.quota, 0);
    if (quota < c.minSize) {
      out.push(diagnostic('plan/quota-below-minimum', 'warning', [...at, 'serves'], { vi: `Lớp ${c.id}: tổng chỉ tiêu ${quota} thấp hơn sĩ số tối thiểu ${c.minSize}; lớp sẽ không triệu tập được.`, en: `Class ${c.id}: quotas add up to ${quota}, below the minimum size ${c.minSize}; the class cannot be convened.` }));
    }
    if (quota > c.maxSize) {
      out.push(diagnostic('plan/quota-above-capacity', 'warning', [...at, 'serves'], { vi: `Lớp ${c.id}: tổng chỉ tiêu ${quota} vượt sĩ số tối đa ${c.maxSize}; người dư vào danh sách chờ.`, en: `Class ${c.id}: quotas add up to ${quota}, above the maximum size ${c.maxSize}; the excess goes to the waiting list.` }));
    }
    const lc = options.classLifecycle;
    if (lc && own(lc.parameters, 'programmeMonths')) {
      const v = parameterValue(lc, 'programmeMonths', { level: c.level, mode: c.mode });
      if (v.ok && c.durationMonths < v.value) {
        out.push(diagnostic('plan/duration-below-programme', 'warning', [...at, 'durationMonths'],
          { vi: `Lớp ${c.id}: học ${c.durationMonths} tháng, ít hơn ${v.value} tháng quy trình yêu cầu trước khi thi (${LABELS.theoryLevel[c.level].vi}, ${LABELS.mode[c.mode].vi}); kỳ thi sẽ lùi lại.`, en: `Class ${c.id}: ${c.durationMonths} months of study, fewer than the ${v.value} the lifecycle requires before exams (${LABELS.theoryLevel[c.level].en}, ${LABELS.mode[c.mode].en}); exams will be delayed.` }));
      }
    }
  });

  plan.calendar.holidays.forEach((h, i) => {
    if (h.to < h.from) {
      out.push(diagnostic('plan/holiday-order', 'error', ['calendar', 'holidays', i, 'to'], { vi: `Kỳ nghỉ "${h.label.vi}" kết thúc (${h.to}) trước khi bắt đầu (${h.from}).`, en: `Holiday "${h.label.en}" ends (${h.to}) before it starts (${h.from}).` }));
    }
  });
  // A day listed twice is the same day off: named (a likely slip), and counted once.
  plan.calendar.weekend.forEach((day, i) => {
    const first = plan.calendar.weekend.indexOf(day);
    if (first === i || plan.calendar.weekend.indexOf(day, first + 1) !== i) return;
    const times = plan.calendar.weekend.filter((d) => d === day).length;
    out.push(diagnostic('plan/duplicate-weekend-day', 'warning', ['calendar', 'weekend', i],
      { vi: `Ngày nghỉ cuối tuần "${day}" được nêu ${times} lần; chỉ tính một lần.`, en: `Weekend day "${day}" is listed ${times} times; it counts once.` }));
  });
  if (new Set(plan.calendar.weekend).size >= 7) {
    out.push(diagnostic('plan/no-working-day', 'error', ['calendar', 'weekend'], { vi: 'Lịch không còn ngày làm việc nào: cả bảy ngày trong tuần đều là ngày nghỉ.', en: 'The calendar leaves no working day: all seven days of the week are days off.' }));
  }

  for (const [name, p] of Object.entries(plan.parameters)) {
    const def = own(PLAN_PARAMETERS, name) as (typeof PLAN_PARAMETERS)[PlanParameterName] | undefined;
    if (!def || !p) continue;
    if (p.value < def.min || p.value > def.max) {
      out.push(diagnostic('plan/parameter-range', 'error', ['parameters', name, 'value'], { vi: `Tham số ${name} = ${p.value} ngoài khoảng [${def.min}, ${def.max}] (${def.unit}).`, en: `Parameter ${name} = ${p.value} is outside [${def.min}, ${def.max}] (${def.unit}).` }));
    }
  }
  return out;
}

function duplicates(ids: readonly string[], list: string, what: string, out: Diagnostic[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      out.push(diagnostic(`plan/duplicate-${what}`, 'error', [list, i, 'id'], { vi: `Mã "${id}" bị lặp trong ${list}.`, en: `Id "${id}" appears twice in ${list}.` }));
    }
    seen.add(id);
  });
}
