/**
 * `llct review` on a changed overlay file (fixtures/review/overlay-pair, illustrative): its own section with each
 * change and its decision and date, what it does to its base, the cohort judged with the overlay for its province
 * (fixtures/overlays/lao-cai-cadres.json), and exit 1 for an invalid overlay or a change without a decision.
 *
 * Cohort expectations are worked out from the rules, nominated 01/01/2026 (the date the changes apply from), trung
 * cấp không tập trung: LC-A (woman, 29, Lào Cai) meets 350's 28 but not the overlay's 30; LC-B (man, 29) fails the
 * men's 30 everywhere; LC-C (commune civil servant, 35, Lào Cai) is a subject only through the added group; NA-D
 * (woman, 29, Nghệ An) is judged by 350 alone and meets it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLlct } from './runLlct.ts';

const work = mkdtempSync(join(tmpdir(), 'llct-review-overlay-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PAIR = 'fixtures/review/overlay-pair';
const OVERLAY = 'overlays/lao-cai.overlay.json';
const CADRES = join(process.cwd(), 'fixtures/overlays/lao-cai-cadres.json');
type Json = Record<string, unknown>;
const overlayOf = (side: 'base' | 'head') => JSON.parse(readFileSync(join(PAIR, side, OVERLAY), 'utf8')) as Json & { changes: Json[] };

/** A side: the shipped 350-qd-tw (or `ruleset`) and the overlay (or none). */
function side(name: string, overlay: Json | undefined, ruleset?: Json): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'rulesets'), { recursive: true });
  if (ruleset) writeFileSync(join(dir, 'rulesets/350-qd-tw.json'), JSON.stringify(ruleset));
  else cpSync('rulesets/350-qd-tw.json', join(dir, 'rulesets/350-qd-tw.json'));
  if (overlay) { mkdirSync(join(dir, 'overlays'), { recursive: true }); writeFileSync(join(dir, OVERLAY), JSON.stringify(overlay, null, 2)); }
  return dir;
}

interface Row { level: string; mode: string; eligible: { base: number; head: number }; gained: number; lost: number; gainedBy: Array<{ rule: string; count: number }>; lostBy: Array<{ rule: string; count: number }> }
interface Doc {
  path: string; valid: boolean; diagnostics: Array<{ code: string }>;
  overlay?: { extends: string; jurisdiction: string; illustrative: boolean; changes: Array<{ change: string; op: string; rule: string; number?: string; appliesFrom: string }> };
  changes: { thresholds: Array<{ rule: string; before: number; after: number }>; groupsAdded: Array<{ rule: string }>; rulesDisabled: unknown[] };
  cohort?: { on: string; onFrom: string; jurisdiction?: string; nominations: Row[] };
}
interface ReviewJson { exitCode: number; documents: Doc[]; problems: Array<{ code: string }> }

async function review(b: string, h: string, ...more: string[]): Promise<{ code: number | null; json: ReviewJson }> {
  const r = await runLlct(work, ['review', '--base', b, '--head', h, '--format', 'json', ...more]);
  return { code: r.code, json: JSON.parse(r.stdout) as ReviewJson };
}
const partTime = (d: Doc) => d.cohort!.nominations.find((n) => n.level === 'intermediate' && n.mode === 'part-time')!;

const base = side('base', overlayOf('base'));
const head = side('head', overlayOf('head'));

describe('llct review on an overlay', () => {
  it('names the change added to the overlay with its decision and date, and the group it adds', async () => {
    const { code, json } = await review(base, head);
    expect(code).toBe(0);
    const doc = json.documents.find((d) => d.path === OVERLAY)!;
    expect(doc.valid).toBe(true);
    expect(doc.overlay).toMatchObject({ extends: '350-qd-tw', jurisdiction: 'Lào Cai', illustrative: true });
    expect(doc.overlay!.changes).toEqual([expect.objectContaining({ change: 'added', op: 'add', rule: 'lc10-commune-civil-servant', number: '10-QĐ/TU', appliesFrom: '2026-01-01' })]);
    // The threshold is on both sides: no threshold line; the group is new.
    expect(doc.changes.thresholds).toEqual([]);
    expect(doc.changes.groupsAdded.map((g) => g.rule)).toEqual(['lc10-commune-civil-servant']);
  });

  it('writes the overlay section in Vietnamese and English, marked illustrative', async () => {
    const vi = await runLlct(work, ['review', '--base', base, '--head', head]);
    expect(vi.stdout).toContain('### Lớp phủ: các thay đổi và căn cứ');
    expect(vi.stdout).toContain('Lớp phủ trên bộ quy tắc 350-qd-tw, áp dụng cho Lào Cai. MINH HỌA');
    expect(vi.stdout).toContain('- Thêm thay đổi: thêm nhóm đối tượng "Công chức cấp xã (nhóm minh họa của lớp phủ Lào Cai)" \\[lc10-commune-civil-servant\\] — theo 10-QĐ/TU (Tỉnh ủy Lào Cai, ký ngày 28/11/2025, minh họa), áp dụng từ 01/01/2026 (minh họa)');
    const en = await runLlct(work, ['review', '--base', base, '--head', head, '--lang', 'en']);
    expect(en.stdout).toContain('### Overlay: its changes and their decisions');
    // The added group is cited under the overlay's decision, not 350-QĐ/TW.
    expect(en.stdout).toMatch(/- Commune civil servants \(illustrative Lào Cai overlay group\) \(assumed\) — [^\n]*10-QĐ\/TU/);
    expect(en.stdout).toContain('- New change: adds the subject group "Commune civil servants (illustrative Lào Cai overlay group)" \\[lc10-commune-civil-servant\\] — under 10-QĐ/TU (Tỉnh ủy Lào Cai, signed 28/11/2025, illustrative), applies from 01/01/2026 (illustrative)');
  });

  it('counts the cohort with the overlay applied to Lào Cai only: the commune civil servant gains', async () => {
    const { json } = await review(base, head, '--cadres', CADRES);
    const doc = json.documents.find((d) => d.path === OVERLAY)!;
    expect(doc.cohort).toMatchObject({ on: '2026-01-01', onFrom: 'overlay', jurisdiction: 'Lào Cai' });
    // Old overlay: LC-A fails 30, LC-B fails, LC-C is no subject, NA-D eligible → 1. New: LC-C too → 2.
    expect(partTime(doc)).toMatchObject({ eligible: { base: 1, head: 2 }, gained: 1, lost: 0 });
    expect(partTime(doc).gainedBy).toEqual([expect.objectContaining({ rule: '350-qd-tw-intermediate-subject', count: 1 })]);
  });

  it('describes a new overlay against the base alone: the threshold 28 → 30 and the group, LC-A losing and LC-C gaining', async () => {
    const none = side('none', undefined);
    const { code, json } = await review(none, head, '--cadres', CADRES);
    expect(code).toBe(0);
    const doc = json.documents.find((d) => d.path === OVERLAY)!;
    expect(doc.overlay!.changes.map((c) => [c.change, c.op])).toEqual([['added', 'threshold'], ['added', 'add']]);
    expect(doc.changes.thresholds).toEqual([expect.objectContaining({ rule: 'tc350-part-time-age', before: 28, after: 30 })]);
    expect(partTime(doc)).toMatchObject({ eligible: { base: 2, head: 2 }, gained: 1, lost: 1 });
    expect(partTime(doc).lostBy).toEqual([expect.objectContaining({ rule: 'tc350-part-time-age', count: 1 })]);
  });

  it('fails on a change that names no decision of the overlay', async () => {
    const bad = overlayOf('head');
    bad.changes[1] = { ...bad.changes[1], decision: 'qd-khong-co' };
    const { code, json } = await review(base, side('no-decision', bad));
    expect(code).toBe(1);
    expect(json.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['review/overlay-change-without-decision', 'review/invalid-document']));
  });

  it('fails when the head base no longer says what the overlay expects, with the overlay diagnostic', async () => {
    const shipped = JSON.parse(readFileSync('rulesets/350-qd-tw.json', 'utf8')) as { rules: Array<{ id: string; conditions: { any: Array<{ all: Array<{ fact: string; value: unknown }> }> } }> };
    const age = shipped.rules.find((r) => r.id === 'tc350-part-time-age')!;
    const women = age.conditions.any[0]!.all[1]!;
    expect(women).toMatchObject({ fact: 'age', value: 28 });
    women.value = 27;
    const { code, json } = await review(base, side('base-moved', overlayOf('head'), shipped as unknown as Json));
    expect(code).toBe(1);
    const doc = json.documents.find((d) => d.path === OVERLAY)!;
    expect(doc.valid).toBe(false);
    expect(doc.diagnostics.map((d) => d.code)).toContain('overlay/threshold-changed');
  });
});
