/**
 * The plan document (llct/plan): the Hà Nội 2024 fixture reproduces the published figures (Tạp chí Cộng sản, 2024:
 * 20 trung cấp classes for 1,390 learners at Trường Đào tạo cán bộ Lê Hồng Phong under 57-QĐ/TW, Kế hoạch
 * 215-KH/TU of 21/02/2024; the first 3 classes opened on 16/05/2024 for 210 cadres of 16 central agencies) and says
 * which figures are assumed; bad plans get diagnostics with paths and segments.
 */
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../engine/simulate/loadPlan.ts';
import { PLAN_PARAMETERS } from '../../engine/documents/planParameters.ts';
import { hanoiPlan, hanoiRaw, planOptions } from './simulateKit.ts';

describe('the Hà Nội 2024 plan fixture', () => {
  const plan = hanoiPlan();
  const quota = (c: (typeof plan.classes)[number]) => c.serves.reduce((n, q) => n + q.quota, 0);

  it('has the 20 intermediate classes and 1,390 seats of the article, all at Lê Hồng Phong, approved by 215-KH/TU on 21/02/2024', () => {
    expect(plan.classes).toHaveLength(20);
    expect(plan.classes.reduce((n, c) => n + quota(c), 0)).toBe(1390);
    expect(new Set(plan.classes.map((c) => c.institution))).toEqual(new Set(['le-hong-phong']));
    expect(new Set(plan.classes.map((c) => c.level))).toEqual(new Set(['intermediate']));
    expect(plan.decision).toBe('215-KH/TU');
    expect(plan.approvedOn).toBe('2024-02-21');
    expect(plan.ruleset).toBeUndefined();
  });

  it('opens 3 classes on 16/05/2024 for 210 cadres of 16 central agencies, marked as from the article', () => {
    const first = plan.classes.filter((c) => c.opensOn === '2024-05-16');
    expect(first).toHaveLength(3);
    expect(first.reduce((n, c) => n + quota(c), 0)).toBe(210);
    expect(new Set(first.flatMap((c) => c.serves.map((q) => q.agency))).size).toBe(16);
    expect(first.every((c) => c.origin === 'article')).toBe(true);
    expect(plan.classes.filter((c) => c.origin === 'article')).toHaveLength(3);
    const agencies = new Map(plan.agencies.map((a) => [a.id, a]));
    expect(first.flatMap((c) => c.serves).every((q) => agencies.get(q.agency)?.tier === 'central')).toBe(true);
  });

  it('says where each figure comes from: the article figures cite Tạp chí Cộng sản, the rest are derived or assumed', () => {
    const article = plan.figures.filter((f) => f.origin === 'article');
    expect(article.map((f) => f.value)).toEqual(expect.arrayContaining([20, 1390, 3, 210, 16, '57-QĐ/TW', 'Trường Đào tạo cán bộ Lê Hồng Phong']));
    expect(article.every((f) => typeof f.source === 'string' && f.source.includes('tapchicongsan.org.vn'))).toBe(true);
    expect(plan.figures.some((f) => f.origin === 'assumed')).toBe(true);
    // What the plan says in words of its own (not a citation) it says in both languages, for the English report.
    for (const f of plan.figures.filter((x) => x.origin !== 'article')) {
      expect(typeof f.source, f.figure).toBe('object');
      if (typeof f.value === 'string' && /\p{L}/u.test(f.value)) throw new Error(`${f.figure}: a value in words without its English`);
    }
  });

  it('keeps every class within 70 learners (≈ 1,390 / 20) and above the minimum of 30', () => {
    for (const c of plan.classes) {
      expect(quota(c)).toBeLessThanOrEqual(c.maxSize);
      expect(c.maxSize).toBe(70);
      expect(quota(c)).toBeGreaterThanOrEqual(c.minSize);
    }
  });

  it('documents every parameter default with a unit, a confidence and a source', () => {
    for (const p of Object.values(PLAN_PARAMETERS)) {
      expect(p.source.length).toBeGreaterThan(10);
      expect(p.default).toBeGreaterThanOrEqual(p.min);
      expect(p.default).toBeLessThanOrEqual(p.max);
    }
  });
});

describe('plan diagnostics', () => {
  const load = (edit: (raw: Record<string, unknown>) => void) => {
    const raw = hanoiRaw();
    edit(raw);
    return loadPlan(raw, planOptions());
  };
  const classes = (raw: Record<string, unknown>) => raw.classes as Array<Record<string, unknown>>;

  it('names a misspelt key at its path with the closest allowed key', () => {
    const r = load((raw) => { classes(raw)[2]!.maxSzie = 60; });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'plan/unknown-key', path: 'classes[2].maxSzie', segments: ['classes', 2, 'maxSzie'], hintEn: 'Did you mean "maxSize"?' });
  });

  it('refuses a quota naming an agency the plan does not list, at the quota', () => {
    const r = load((raw) => { ((classes(raw)[0]!.serves as Array<Record<string, unknown>>)[1]!).agency = 'bo-tai-chinhh'; });
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'plan/unknown-agency', segments: ['classes', 0, 'serves', 1, 'agency'], hintEn: 'Did you mean "bo-tai-chinh"?' }));
  });

  it('refuses a minimum above the maximum, an unknown institution, a class opening before approval and a parameter out of range', () => {
    const r = load((raw) => {
      classes(raw)[0]!.minSize = 80;
      classes(raw)[1]!.institution = 'le-hong-phongg';
      classes(raw)[2]!.opensOn = '2024-01-10';
      raw.parameters = { noShow: { value: 140, confidence: 'assumed', source: 'test' } };
    });
    expect(r.ok).toBe(false);
    const codes = r.diagnostics.map((d) => `${d.code} ${d.path}`);
    expect(codes).toEqual(expect.arrayContaining(['plan/min-above-max classes[0].minSize', 'plan/unknown-institution classes[1].institution',
      'plan/opens-before-approval classes[2].opensOn', 'plan/parameter-range parameters.noShow.value']));
  });

  it('warns, without failing, when quotas exceed the capacity or the study time is shorter than the lifecycle allows', () => {
    const r = load((raw) => { classes(raw)[0]!.maxSize = 60; classes(raw)[1]!.durationMonths = 6; });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}`)).toEqual([
      'warning plan/quota-above-capacity classes[0].serves', 'warning plan/duration-below-programme classes[1].durationMonths']);
  });

  it('refuses a plan from a newer version of the software rather than misreading it', () => {
    const r = load((raw) => { raw.version = 2; });
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]!.code).toBe('document/newer-version');
  });
});
