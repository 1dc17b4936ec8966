/**
 * `llct review` between two directories: an illustrative provincial change of 350-QĐ/TW (one threshold tightened,
 * one subject group added, published under a decision) read in words, its golden cases, its effect on a small cohort
 * whose gains and losses follow from the two rule changes alone, and the policy failures that exit 1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import golden350 from '../../fixtures/golden/350-qd-tw.cases.json' with { type: 'json' };
import { runLlct } from './runLlct.ts';
import { ADDED_GROUP, DECISION_PROVINCE, GOLDEN_PATH, goldenCases, revision1, revision2, RULESET_PATH, writeTree } from './reviewFixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'llct-review-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A directory holding `files`. */
function side(name: string, files: Record<string, unknown>): string {
  const dir = join(work, name);
  writeTree(dir, files);
  return dir;
}

const base = side('base', { [RULESET_PATH]: revision1(), [GOLDEN_PATH]: goldenCases(1) });
const head = side('head', { [RULESET_PATH]: revision2(), [GOLDEN_PATH]: goldenCases(2) });

interface ReviewJson {
  exitCode: number; passed: boolean;
  documents: Array<{ path: string; change: string; publication?: { state: string; decision?: string }; decisions: Array<{ number: string }>; valid: boolean;
    changes: { thresholds: Array<{ rule: string; before: number; after: number }>; groupsAdded: Array<{ rule: string; title: { vi: string } }>; rulesAdded: unknown[]; rulesRemoved: unknown[]; groupsRemoved: unknown[] };
    cohort?: { on: string; onFrom: string; nominations: Array<{ level: string; mode: string; gained: number; lost: number; gainedBy: Array<{ rule: string; count: number }>; lostBy: Array<{ rule: string; count: number }> }> } }>;
  golden: { changed: Array<{ id: string; base?: { eligible?: boolean; passed: boolean }; head?: { eligible?: boolean; passed: boolean } }>; failingOnHead: Array<{ id: string }> };
  problems: Array<{ code: string; severity: string; file: string }>;
}

async function reviewJson(b: string, h: string, ...more: string[]): Promise<{ code: number | null; review: ReviewJson; stderr: string }> {
  const r = await runLlct(work, ['review', '--base', b, '--head', h, '--format', 'json', ...more]);
  return { code: r.code, review: JSON.parse(r.stdout) as ReviewJson, stderr: r.stderr };
}

describe('llct review between two directories', () => {
  it('passes a published change and describes the threshold, the group, the decision and the golden case that changes', async () => {
    const { code, review } = await reviewJson(base, head);
    expect(code).toBe(0);
    expect(review.passed).toBe(true);
    const ruleset = review.documents.find((d) => d.path === RULESET_PATH)!;
    expect(ruleset.change).toBe('modified');
    expect(ruleset.publication).toEqual(expect.objectContaining({ state: 'published', decision: DECISION_PROVINCE.id }));
    expect(ruleset.decisions.map((d) => d.number)).toEqual([DECISION_PROVINCE.number]);
    expect(ruleset.changes.thresholds).toEqual([expect.objectContaining({ rule: 'tc350-part-time-age', before: 28, after: 30 })]);
    expect(ruleset.changes.groupsAdded.map((g) => [g.rule, g.title.vi])).toEqual([[ADDED_GROUP.id, ADDED_GROUP.title.vi]]);
    expect([ruleset.changes.rulesAdded, ruleset.changes.rulesRemoved, ruleset.changes.groupsRemoved]).toEqual([[], [], []]);
    expect(review.documents.find((d) => d.path === GOLDEN_PATH)?.change).toBe('modified');
    // nu-29 (29 years old) passes its case on both sides, but the verdict it expects changes from eligible to not.
    expect(review.golden.changed).toEqual([expect.objectContaining({ id: 'nu-29', base: expect.objectContaining({ eligible: true, passed: true }), head: expect.objectContaining({ eligible: false, passed: true }) })]);
    expect(review.golden.failingOnHead).toEqual([]);
  });

  it('writes the Markdown a merge request shows, in Vietnamese by default and in English with --lang en', async () => {
    const vi = await runLlct(work, ['review', '--base', base, '--head', head]);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(/^<!-- llct-review -->\n\n# Xem xét thay đổi quy tắc: /);
    expect(vi.stdout).toContain('✅ Đạt.');
    expect(vi.stdout).toContain('### Ngưỡng thay đổi');
    expect(vi.stdout).toMatch(/\| Tuổi học hệ không tập trung: nữ từ 30, nam từ 30 \(minh họa\) \\\[tc350-part-time-age\\\] \| trung cấp, không tập trung \| 28 \| 30 \|/);
    expect(vi.stdout).toContain('Tên (tiếng Việt): "Tuổi học hệ không tập trung: nữ từ 28, nam từ 30" → "Tuổi học hệ không tập trung: nữ từ 30, nam từ 30 (minh họa)"');
    expect(vi.stdout).toContain(`Nhóm đối tượng thêm:\n\n- ${ADDED_GROUP.title.vi} (giả định)`);
    expect(vi.stdout).toContain('Quy định số 01-QĐ/TU ngày 01/12/2025 của Ban Thường vụ Tỉnh ủy (ví dụ minh họa) — minh họa, không phải văn bản thật');
    expect(vi.stdout).toContain('bản 1 → 2 · ban hành ngày 05/12/2025 theo 01-QĐ/TU');
    const en = await runLlct(work, ['review', '--base', base, '--head', head, '--lang', 'en']);
    expect(en.stdout).toMatch(/^<!-- llct-review -->\n\n# Rule change review: /);
    expect(en.stdout).toContain('### Thresholds changed');
    expect(en.stdout).toContain('revision 1 → 2 · published on 05/12/2025 under 01-QĐ/TU');
    expect(en.stdout).toContain('illustrative, not a real act');
  });

  it('counts who gains and who loses on a cohort, by rule, on the date the decision applies from', async () => {
    const profile = golden350.base.profile;
    const cadres = join(work, 'cadres.json');
    writeFileSync(cadres, JSON.stringify({ cadres: [
      // 29 on 01/01/2026: old threshold 28 passes, new threshold 30 fails → loses at part-time only.
      { ...profile, id: 'NU-29', sex: 'female', birthDate: '1996-06-01' },
      // A civil servant without a leadership post: in no 350 group, in the added one → gains at both modes.
      { ...profile, id: 'CS-45', position: 'civil-servant' },
      // The base profile itself: eligible under both.
      { ...profile, id: 'PTP-45' },
    ] }));
    const { code, review } = await reviewJson(base, head, '--cadres', cadres);
    expect(code).toBe(0);
    const cohort = review.documents.find((d) => d.path === RULESET_PATH)!.cohort!;
    expect([cohort.on, cohort.onFrom]).toEqual([DECISION_PROVINCE.appliesFrom, 'decision']);
    const at = (level: string, mode: string) => cohort.nominations.find((n) => n.level === level && n.mode === mode)!;
    expect([at('intermediate', 'part-time').gained, at('intermediate', 'part-time').lost]).toEqual([1, 1]);
    expect(at('intermediate', 'part-time').lostBy).toEqual([expect.objectContaining({ rule: 'tc350-part-time-age', count: 1 })]);
    expect(at('intermediate', 'part-time').gainedBy).toEqual([expect.objectContaining({ rule: '350-qd-tw-intermediate-subject', count: 1 })]);
    expect([at('intermediate', 'full-time').gained, at('intermediate', 'full-time').lost]).toEqual([1, 0]);
    // No cao cấp rule changed.
    expect(cohort.nominations.filter((n) => n.level === 'advanced').map((n) => n.gained + n.lost)).toEqual([0, 0]);
  });

  it('fails a change whose head revision is not published under a decision, unless --allow-draft', async () => {
    const draft = side('draft', { [RULESET_PATH]: revision2(false), [GOLDEN_PATH]: goldenCases(2) });
    const failed = await reviewJson(base, draft);
    expect(failed.code).toBe(1);
    expect(failed.review.problems).toEqual([expect.objectContaining({ code: 'review/draft', severity: 'error', file: RULESET_PATH })]);
    const allowed = await reviewJson(base, draft, '--allow-draft');
    expect(allowed.code).toBe(0);
    expect(allowed.review.problems).toEqual([expect.objectContaining({ code: 'review/draft', severity: 'warning' })]);
  });

  it('fails a golden case that fails on head', async () => {
    const stale = side('stale-golden', { [RULESET_PATH]: revision2(), [GOLDEN_PATH]: goldenCases(1) });
    const { code, review } = await reviewJson(base, stale);
    expect(code).toBe(1);
    expect(review.golden.failingOnHead.map((c) => c.id)).toEqual(['nu-29']);
    expect(review.problems.map((p) => p.code)).toEqual(['review/golden-failing']);
  });

  it('fails a published revision edited in place, and an invalid document on head', async () => {
    const edited = revision1() as { rules: Array<{ id: string; confidence: string }> };
    edited.rules.find((r) => r.id === 'tc350-lecturer')!.confidence = 'reported';
    const inPlace = await reviewJson(base, side('in-place', { [RULESET_PATH]: edited, [GOLDEN_PATH]: goldenCases(1) }));
    expect(inPlace.code).toBe(1);
    expect(inPlace.review.problems.map((p) => p.code)).toEqual(['review/changed-after-publication']);

    const broken = { ...revision2(), regulation: { ...(revision2().regulation as object), effectiveFrom: '29/08/2025' } };
    const invalid = await reviewJson(base, side('invalid', { [RULESET_PATH]: broken, [GOLDEN_PATH]: goldenCases(2) }));
    expect(invalid.code).toBe(1);
    expect(invalid.review.documents.find((d) => d.path === RULESET_PATH)?.valid).toBe(false);
    expect(invalid.review.problems.map((p) => p.code)).toContain('review/invalid-document');
  });

  it('escapes document text in HTML and Markdown', async () => {
    const hostile = revision2() as { decisions: Array<Record<string, unknown>> };
    hostile.decisions[1]!.title = '<script>alert(1)</script> | x';
    const dir = side('hostile', { [RULESET_PATH]: hostile, [GOLDEN_PATH]: goldenCases(2) });
    const html = await runLlct(work, ['review', '--base', base, '--head', dir, '--format', 'html']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | x');
    expect(html.stdout).not.toContain('<script>');
    const md = await runLlct(work, ['review', '--base', base, '--head', dir]);
    expect(md.stdout).toContain('\\<script\\>alert(1)\\</script\\> \\| x');
  });

  it('is a usage error (exit 2) to name a revision outside a git repository', async () => {
    const r = await runLlct(work, ['review', '--base', 'origin/main', '--head', head]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không nằm trong kho git nào');
  });
});
