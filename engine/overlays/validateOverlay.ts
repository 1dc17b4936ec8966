/**
 * Overlay diagnostics: the schema (unknown keys, decisions, dates), then the overlay against its base — a change
 * that names a rule the base does not have (`overlay/unknown-rule`), a base rule that changed since the overlay was
 * written (`overlay/base-changed`, `overlay/threshold-changed`), a threshold path that leads nowhere
 * (`overlay/no-condition`), a change applying before its decision does (`overlay/applies-before-decision`) — and
 * the rules the overlay brings checked like any ruleset's (unknown facts, operators, values…), located in the
 * overlay file. Pure; catalogues and the bases are inputs.
 */
import type { InstitutionCatalogue, PositionCatalogue } from '../documents/catalogue.ts';
import { compareDates, formatDate } from '../documents/dates.ts';
import { changeDecision, OVERLAY_KIND, type Overlay } from '../documents/overlay.ts';
import { loadDocument } from '../documents/loadDocument.ts';
import type { Rule, Ruleset } from '../documents/ruleset.ts';
import { closest, diagnostic, type Diagnostic, type PathSegment } from '../diagnostics/Diagnostic.ts';
import { validateRuleset } from '../diagnostics/validateRuleset.ts';
import { indexProvinces, provinceKey } from '../rules/provinces.ts';
import { ILLUSTRATIVE_MARK } from '../documents/decision.ts';
import { applyChanges } from './applyChanges.ts';

export interface ValidateOverlayOptions {
  /** The rulesets an overlay may extend (by id). */
  bases: readonly Ruleset[];
  institutions: InstitutionCatalogue;
  positions: Pick<PositionCatalogue, 'positions'>;
  /** The file the overlay was read from, set on every diagnostic. */
  file?: string;
}

export type OverlayLoad = { ok: true; overlay: Overlay; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** `validateOverlay`'s diagnostics with the loaded overlay when none is an error. Never throws on bad input. */
export function loadOverlay(raw: unknown, options: ValidateOverlayOptions): OverlayLoad {
  const loaded = loadDocument(OVERLAY_KIND, raw);
  const located = (ds: Diagnostic[]) => (options.file === undefined ? ds : ds.map((d) => ({ ...d, file: options.file! })));
  if (!loaded.ok) return { ok: false, diagnostics: located(loaded.diagnostics) };
  const diagnostics = located([...loaded.diagnostics, ...checkOverlay(loaded.value, options)]);
  return diagnostics.some((d) => d.severity === 'error') ? { ok: false, diagnostics } : { ok: true, overlay: loaded.value, diagnostics };
}

/** Every diagnostic of an overlay document (see the file's header). */
export function validateOverlay(raw: unknown, options: ValidateOverlayOptions): Diagnostic[] {
  return loadOverlay(raw, options).diagnostics;
}

function checkOverlay(o: Overlay, options: ValidateOverlayOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  out.push(...checkJurisdiction(o, options.institutions), ...checkDates(o), ...checkIllustrative(o));
  const base = options.bases.find((b) => b.id === o.extends);
  if (!base) {
    const ids = options.bases.map((b) => b.id);
    const guess = closest(o.extends, ids);
    out.push(diagnostic('overlay/unknown-base', 'error', 'extends',
      { vi: `Không có bộ quy tắc gốc "${o.extends}" (có: ${ids.join(', ')}).`, en: `No base ruleset "${o.extends}" (loaded: ${ids.join(', ')}).` },
      guess ? { vi: `Có phải "${guess}"?`, en: `Did you mean "${guess}"?` } : undefined));
    return out;
  }
  // Every change, whatever its date: what the overlay says once all of it applies.
  const refs = o.changes.map((change, index) => ({ overlay: o, change, index }));
  out.push(...checkThresholdWords(o, base));
  const layered = applyChanges(base, refs);
  out.push(...layered.diagnostics.map((d) => ({ ...d, severity: 'error' as const })));
  out.push(...checkBroughtRules(base, layered.rules, layered.madeBy, options));
  return out;
}

function checkJurisdiction(o: Overlay, institutions: InstitutionCatalogue): Diagnostic[] {
  const province = o.jurisdiction.province;
  if (province === undefined) return [];
  const index = indexProvinces(institutions);
  if (index.byKey.has(provinceKey(province))) return [];
  const byKey = new Map(institutions.provinces.map((p) => [provinceKey(p.name), p.name]));
  const guessKey = closest(provinceKey(province), [...byKey.keys()]);
  const guess = guessKey === undefined ? undefined : byKey.get(guessKey);
  return [diagnostic('overlay/unknown-province', 'error', ['jurisdiction', 'province'],
    { vi: `Không có tỉnh, thành phố "${province}" trong danh mục: overlay sẽ không áp dụng cho ai.`, en: `No province "${province}" in the catalogue: the overlay would apply to nobody.` },
    guess ? { vi: `Có phải "${guess}"?`, en: `Did you mean "${guess}"?` } : undefined)];
}

function checkDates(o: Overlay): Diagnostic[] {
  const out: Diagnostic[] = [];
  o.changes.forEach((c, i) => {
    const d = changeDecision(o, c);
    if (!d) return;
    if (compareDates(c.appliesFrom, d.appliesFrom) < 0) {
      out.push(diagnostic('overlay/applies-before-decision', 'error', ['changes', i, 'appliesFrom'],
        { vi: `changes[${i}].appliesFrom (${formatDate(c.appliesFrom)}) sớm hơn ngày ${d.number} áp dụng (${formatDate(d.appliesFrom)}).`, en: `changes[${i}].appliesFrom (${formatDate(c.appliesFrom)}) is before ${d.number} applies (${formatDate(d.appliesFrom)}).` },
        { vi: 'Một thay đổi không áp dụng trước văn bản của nó: sửa ngày hoặc văn bản.', en: 'A change cannot apply before its act does: fix the date or the decision.' }));
    }
    if (d.appliesUntil !== undefined && compareDates(c.appliesFrom, d.appliesUntil) > 0) {
      out.push(diagnostic('overlay/applies-after-decision', 'error', ['changes', i, 'appliesFrom'],
        { vi: `changes[${i}].appliesFrom (${formatDate(c.appliesFrom)}) sau ngày ${d.number} hết áp dụng (${formatDate(d.appliesUntil)}): thay đổi không bao giờ áp dụng.`, en: `changes[${i}].appliesFrom (${formatDate(c.appliesFrom)}) is after ${d.number} stops applying (${formatDate(d.appliesUntil)}): the change never applies.` }));
    }
  });
  return out;
}

/** An illustrative overlay says so in its titles and decisions; a real one has no illustrative decision. */
function checkIllustrative(o: Overlay): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (o.illustrative) {
    if (!o.title.vi.includes(ILLUSTRATIVE_MARK.vi) || !o.title.en.toLowerCase().includes(ILLUSTRATIVE_MARK.en)) {
      out.push(diagnostic('overlay/illustrative-unmarked', 'error', 'title',
        { vi: `Overlay minh họa: tiêu đề phải ghi "${ILLUSTRATIVE_MARK.vi}" (tiếng Việt) và "${ILLUSTRATIVE_MARK.en}" (tiếng Anh).`, en: `Illustrative overlay: the title must say "${ILLUSTRATIVE_MARK.vi}" (Vietnamese) and "${ILLUSTRATIVE_MARK.en}" (English).` }));
    }
    o.decisions.forEach((d, i) => {
      if (!d.illustrative) {
        out.push(diagnostic('overlay/illustrative-unmarked', 'error', ['decisions', i, 'illustrative'],
          { vi: `Overlay minh họa: văn bản ${d.number} cũng phải ghi "illustrative": true.`, en: `Illustrative overlay: decision ${d.number} must be marked "illustrative": true too.` }));
      }
    });
  } else if (o.decisions.some((d) => d.illustrative)) {
    out.push(diagnostic('overlay/illustrative-unmarked', 'error', 'illustrative',
      { vi: 'Overlay dùng một văn bản minh họa nhưng chưa ghi "illustrative": true.', en: 'The overlay uses an illustrative decision but is not marked "illustrative": true.' }));
  }
  return out;
}

/** A threshold change that leaves the base's words quoting the old value (e.g. "nữ từ 28 tuổi") gets a warning. */
function checkThresholdWords(o: Overlay, base: Ruleset): Diagnostic[] {
  const out: Diagnostic[] = [];
  o.changes.forEach((c, i) => {
    if (c.op !== 'threshold' || c.message !== undefined) return;
    const rule = base.rules.find((r) => r.id === c.rule);
    const old = typeof c.expects.value === 'number' || typeof c.expects.value === 'string' ? String(c.expects.value) : undefined;
    if (!rule || old === undefined || !new RegExp(`(^|\\D)${old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\D|$)`).test(rule.message.vi)) return;
    out.push(diagnostic('overlay/threshold-text', 'warning', ['changes', i, 'message'],
      { vi: `Thông điệp của "${c.rule}" nêu giá trị cũ ${old}; ghi message (và title) mới cho ngưỡng ${JSON.stringify(c.value)}.`, en: `The message of "${c.rule}" quotes the old value ${old}; give a new message (and title) for the value ${JSON.stringify(c.value)}.` }));
  });
  return out;
}

const withoutLayer = (r: Rule): Rule => { const { layer: _layer, ...rest } = r; return rest; };

/**
 * The rules the overlay adds, replaces or changes, checked as the ruleset's own: the effective ruleset is validated
 * and the diagnostics new to it (not already the base's) are located in the overlay, at the change that made the
 * rule (`changes[2].rule.conditions…`; for a threshold, `changes[2].value`).
 */
function checkBroughtRules(base: Ruleset, rules: readonly Rule[], madeBy: ReadonlyMap<Rule, { index: number; change: Overlay['changes'][number] }>, options: ValidateOverlayOptions): Diagnostic[] {
  const catalogues = { institutions: options.institutions, positions: options.positions };
  const key = (d: Diagnostic) => `${d.code}\u0000${d.message}`;
  const before = new Set(validateRuleset({ ...base, rules: base.rules.map(withoutLayer) }, catalogues).map(key));
  const after = validateRuleset({ ...base, rules: rules.map(withoutLayer) }, catalogues);
  const out: Diagnostic[] = [];
  for (const d of after) {
    if (before.has(key(d)) || d.severity === 'info') continue;
    const [head, index, ...rest] = d.segments;
    const rule = head === 'rules' && typeof index === 'number' ? rules[index] : undefined;
    const ref = rule ? madeBy.get(rule) : undefined;
    let path: PathSegment[] = ['changes'];
    if (ref) path = ref.change.op === 'threshold' ? ['changes', ref.index, 'value'] : ['changes', ref.index, 'rule', ...rest];
    out.push({ ...diagnostic(d.code, d.severity, path, { vi: d.message, en: d.messageEn }, d.hint !== undefined ? { vi: d.hint, en: d.hintEn } : undefined) });
  }
  return out;
}
