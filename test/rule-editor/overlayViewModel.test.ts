/**
 * The overlay view's model: which base rules an overlay leaves inherited, replaces, disables, changes the threshold of
 * or adds, on a nomination date. Expectations come from the overlay files' own text (the Lào Cai fixture: women's
 * part-time age 28 → 30 and the commune civil servants group, both from 01/01/2026) and from edits made here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overlayViewModel } from '../../editor/rules/overlay/overlayViewModel.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { OVERLAY_KIND, type Overlay } from '../../engine/documents/overlay.ts';
import { RULESET_KIND, type Ruleset } from '../../engine/documents/ruleset.ts';
import { ruleFingerprint } from '../../engine/overlays/ruleFingerprint.ts';

const load = <T>(kind: typeof RULESET_KIND | typeof OVERLAY_KIND, path: string): T => {
  const r = loadDocument(kind as typeof RULESET_KIND, JSON.parse(readFileSync(path, 'utf8')));
  if (!r.ok) throw new Error(`${path}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.value as T;
};
const base = load<Ruleset>(RULESET_KIND, 'rulesets/350-qd-tw.json');
const laoCai = load<Overlay>(OVERLAY_KIND, 'fixtures/overlays/lao-cai-10-qd-tu.illustrative.overlay.json');

describe('overlayViewModel', () => {
  it('before the Lào Cai changes apply, every base rule is inherited and the added group is pending', () => {
    const m = overlayViewModel(laoCai, base, '2025-12-15');
    expect(m.inForce).toBe(0);
    expect(m.total).toBe(2);
    const statuses = new Map(m.rows.map((r) => [r.ruleId, r.status]));
    expect(statuses.get('lc10-commune-civil-servant')).toBe('pending');
    expect([...statuses].filter(([id]) => id !== 'lc10-commune-civil-servant').every(([, s]) => s === 'inherited')).toBe(true);
    // The threshold change is listed on its rule, not yet in force.
    const age = m.rows.find((r) => r.ruleId === 'tc350-part-time-age')!;
    expect(age.changes).toMatchObject([{ op: 'threshold', inForce: false, appliesFrom: '2026-01-01', decision: '10-QĐ/TU', illustrative: true }]);
    expect(m.rows).toHaveLength(base.rules.length + 1);
  });

  it('from 01/01/2026 the women\'s age is 28 → 30 under 10-QĐ/TU and the group is added at the end; the rest stays inherited', () => {
    const m = overlayViewModel(laoCai, base, '2026-03-02');
    expect(m.inForce).toBe(2);
    const age = m.rows.find((r) => r.ruleId === 'tc350-part-time-age')!;
    expect(age.status).toBe('threshold');
    expect(age.changes[0]!.threshold).toEqual({ fact: 'age', before: 28, after: 30 });
    expect(age.title.vi).toContain('nữ từ 30');
    const last = m.rows[m.rows.length - 1]!;
    expect(last).toMatchObject({ ruleId: 'lc10-commune-civil-servant', status: 'added' });
    expect(m.rows.filter((r) => r.status === 'inherited')).toHaveLength(base.rules.length - 1);
    expect(m.orphans).toEqual([]);
  });

  it('marks a replaced rule with its decision, a disabled one, an added one before a named rule, and an orphan change', () => {
    const [first, second] = base.rules;
    const decision = laoCai.decisions[0]!.id;
    const overlay: Overlay = {
      ...laoCai,
      changes: [
        { op: 'replace', decision, appliesFrom: '2026-01-01', rule: { ...first!, title: { vi: 'Thay thế', en: 'Replaced' } }, expects: { fingerprint: ruleFingerprint(first!) } },
        { op: 'disable', decision, appliesFrom: '2026-06-01', rule: second!.id, expects: { fingerprint: ruleFingerprint(second!) } },
        { op: 'add', decision, appliesFrom: '2026-01-01', before: second!.id, rule: { ...first!, id: 'them-moi' } },
        { op: 'disable', decision, appliesFrom: '2026-01-01', rule: 'khong-co', expects: { fingerprint: '00000000' } },
      ],
    };
    const march = overlayViewModel(overlay, base, '2026-03-02');
    const ids = march.rows.map((r) => r.ruleId);
    expect(ids.slice(0, 3)).toEqual([first!.id, 'them-moi', second!.id]);
    expect(march.rows[0]).toMatchObject({ status: 'replaced', title: { vi: 'Thay thế' } });
    expect(march.rows[1]!.status).toBe('added');
    // The disable starts on 01/06/2026: on 02/03 the rule is still inherited, its change listed as not yet in force.
    expect(march.rows[2]).toMatchObject({ status: 'inherited', changes: [{ op: 'disable', inForce: false }] });
    expect(march.orphans.map((c) => c.index)).toEqual([3]);
    expect(overlayViewModel(overlay, base, '2026-07-01').rows[2]!.status).toBe('disabled');
  });
});
