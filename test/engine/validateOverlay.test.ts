import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalogues, builtinDocuments } from '../../engine/builtin.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { ruleFingerprint } from '../../engine/overlays/ruleFingerprint.ts';
import { validateOverlay } from '../../engine/overlays/validateOverlay.ts';
import { hasVietnameseLetter } from '../vietnameseLetters.ts';
import { ROOT } from '../cli/runLlct.ts';

const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
const laoCai = read('fixtures/overlays/lao-cai-10-qd-tu.illustrative.overlay.json');
const stale = read('fixtures/bad-input/stale-base.overlay.json');
const bases = builtinDocuments().rulesets;
const validate = (raw: unknown, over: readonly Ruleset[] = bases) => validateOverlay(raw, { ...builtinCatalogues(), bases: over });
const codes = (raw: unknown, over?: readonly Ruleset[]) => validate(raw, over).map((d) => [d.code, d.path]);
const base350 = bases.find((b) => b.id === '350-qd-tw')!;

/** The Lào Cai overlay with `fn` applied to a deep copy. */
interface OverlayJson {
  [key: string]: unknown;
  extends: string;
  title: { vi: string; en: string };
  jurisdiction: Record<string, unknown>;
  illustrative?: boolean;
  decisions: Array<Record<string, unknown>>;
  changes: Array<{ decision: string; appliesFrom: string; value?: unknown; message?: unknown; rule: { conditions: { all: Array<{ fact: string }> } } }>;
}

function edited(fn: (o: OverlayJson) => void): Record<string, unknown> {
  const o = structuredClone(laoCai) as OverlayJson;
  fn(o);
  return o;
}

describe('validating an overlay against its base', () => {
  it('the illustrative Lào Cai overlay is valid against the shipped 350 ruleset', () => {
    expect(validate(laoCai)).toEqual([]);
  });

  it('a base that changed under the overlay: each stale change is an error at the change, in both languages', () => {
    const ds = validate(stale);
    expect(ds.map((d) => [d.code, d.path, d.severity])).toEqual(expect.arrayContaining([
      ['overlay/base-changed', 'changes[0].expects.fingerprint', 'error'],
      ['overlay/unknown-rule', 'changes[1].rule', 'error'],
      ['overlay/threshold-changed', 'changes[2].expects.value', 'error'],
      ['overlay/no-condition', 'changes[3].at', 'error'],
      ['overlay/applies-before-decision', 'changes[3].appliesFrom', 'error'],
    ]));
    expect(ds).toHaveLength(5);
    for (const d of ds) {
      expect(hasVietnameseLetter(d.message), d.message).toBe(true);
      expect(d.messageEn.replace(/\d+-QĐ\/TU/g, ''), d.messageEn).not.toSatisfy(hasVietnameseLetter);
    }
    const changed = ds.find((d) => d.code === 'overlay/threshold-changed')!;
    expect(changed.message).toContain('nay là 33, overlay viết khi nó là 38');
    expect(changed.messageEn).toContain('is now 33; the overlay was written when it was 38');
    const base = ds.find((d) => d.code === 'overlay/base-changed')!;
    expect(base.hintEn).toContain(`set expects.fingerprint to "${ruleFingerprint(base350.rules.find((r) => r.id === 'tc350-lecturer')!)}"`);
  });

  it('the same overlay is valid once the base it expects is the one given', () => {
    // A base where tc350-lecturer is what the overlay expected and cc350-part-time-age still says 38: only the
    // dangling rule, the wrong path and the early date remain.
    const older: Ruleset = { ...base350, rules: base350.rules.map((r) => (r.id === 'cc350-part-time-age'
      ? { ...r, conditions: { any: [{ all: [{ fact: 'sex', operator: 'equal', value: 'female' }, { fact: 'age', operator: 'greaterThanInclusive', value: 38 }] }, { all: [{ fact: 'sex', operator: 'equal', value: 'male' }, { fact: 'age', operator: 'greaterThanInclusive', value: 40 }] }] } }
      : r)) };
    expect(codes(stale, [older]).map(([c]) => c)).not.toContain('overlay/threshold-changed');
  });

  it('an overlay on a ruleset that is not loaded, or for a province the catalogue lacks, says which', () => {
    expect(codes(edited((o) => { o.extends = '350-qd-t'; }))).toEqual([['overlay/unknown-base', 'extends']]);
    const [d] = validate(edited((o) => { o.jurisdiction = { province: 'Lao Kay' }; }));
    expect([d!.code, d!.path, d!.hint]).toEqual(['overlay/unknown-province', 'jurisdiction.province', 'Có phải "Lào Cai"?']);
  });

  it('an illustrative overlay must say so in its title and on every decision', () => {
    expect(codes(edited((o) => { o.title = { vi: 'Lào Cai', en: 'Lào Cai' }; }))).toEqual([['overlay/illustrative-unmarked', 'title']]);
    expect(codes(edited((o) => { delete o.decisions[0]!.illustrative; }))).toEqual([['overlay/illustrative-unmarked', 'decisions[0].illustrative']]);
    expect(codes(edited((o) => { delete o.illustrative; }))).toEqual([['overlay/illustrative-unmarked', 'illustrative']]);
  });

  it('a rule the overlay brings is checked like any rule, located in the overlay', () => {
    const ds = validate(edited((o) => { o.changes[1]!.rule.conditions.all[0]!.fact = 'postion'; }));
    expect(ds.map((d) => [d.code, d.path])).toEqual([['ruleset/unknown-fact', 'changes[1].rule.conditions.all[0].fact']]);
    expect(ds[0]!.hint).toMatch(/^Có phải "position"\?/);
    const th = validate(edited((o) => { o.changes[0]!.value = 'ba mươi'; }));
    expect(th.map((d) => [d.code, d.path])).toEqual([['ruleset/value-type', 'changes[0].value']]);
  });

  it('a threshold change that keeps the base words quoting the old value is a warning', () => {
    const ds = validate(edited((o) => { delete o.changes[0]!.message; }));
    expect(ds.map((d) => [d.code, d.severity, d.path])).toEqual([['overlay/threshold-text', 'warning', 'changes[0].message']]);
  });

  it('a change naming a decision the overlay does not carry, or applying before it, is refused', () => {
    expect(codes(edited((o) => { o.changes[0]!.decision = '11-qd-tu'; }))).toEqual([['document/schema', 'changes[0].decision']]);
    expect(codes(edited((o) => { o.changes[1]!.appliesFrom = '2025-11-27'; }))).toEqual([['overlay/applies-before-decision', 'changes[1].appliesFrom']]);
  });

  it('an unknown key in an overlay is an overlay diagnostic with a "did you mean"', () => {
    const [d] = validate(edited((o) => { o.jurisdicton = o.jurisdiction; }));
    expect([d!.code, d!.path, d!.hint]).toEqual(['ruleset-overlay/unknown-key', 'jurisdicton', 'Có phải "jurisdiction"?']);
  });
});
