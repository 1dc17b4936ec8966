/**
 * Overlays through the real binary: the illustrative Lào Cai overlay's golden cases under `llct test` (and what they
 * say when the overlay is left out: they can fail), `llct check --overlay` in JSON, `llct validate` on overlays.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runLlct } from './runLlct.ts';

const CASES = 'fixtures/overlays/lao-cai-10-qd-tu.illustrative.cases.json';
const OVERLAY = 'fixtures/overlays/lao-cai-10-qd-tu.illustrative.overlay.json';
const CADRES = 'fixtures/overlays/lao-cai-cadres.json';
const scratch = mkdtempSync(join(tmpdir(), 'llct-overlays-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface TestReport { files: { results: { id: string; passed: boolean; problems: string[] }[] }[]; passed: number; failed: number }

describe('the illustrative Lào Cai overlay under llct test', () => {
  it('passes its golden cases with either evaluator', async () => {
    for (const engine of ['compiled', 'reference']) {
      const r = await runLlct(ROOT, ['test', '--cases', CASES, '--format', 'json', '--engine', engine]);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as TestReport;
      expect([report.passed, report.failed]).toEqual([9, 0]);
    }
  }, 60_000);

  it('fails the cases that depend on the overlay when the case file names none, and only those', async () => {
    const doc = JSON.parse(readFileSync(join(ROOT, CASES), 'utf8')) as { overlays?: string[] };
    delete doc.overlays;
    const file = join(scratch, 'no-overlay.cases.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await runLlct(ROOT, ['test', '--cases', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const failed = (JSON.parse(r.stdout) as TestReport).files[0]!.results.filter((c) => !c.passed);
    expect(failed.map((c) => c.id)).toEqual(['LC-02', 'LC-04', 'LC-05', 'LC-06', 'LC-09']);
    expect(failed.find((c) => c.id === 'LC-02')!.problems).toContain('eligible: expected false, got true');
    expect(failed.find((c) => c.id === 'LC-06')!.problems).toContain('failures: expected [], got [350-qd-tw-intermediate-subject]');
  }, 60_000);

  it('refuses a case file whose overlay does not load (exit 2)', async () => {
    const doc = JSON.parse(readFileSync(join(ROOT, CASES), 'utf8')) as { overlays?: string[] };
    doc.overlays = [join(ROOT, 'fixtures/bad-input/stale-base.overlay.json')];
    const file = join(scratch, 'stale.cases.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await runLlct(ROOT, ['test', '--cases', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has changed since the overlay was written');
  }, 60_000);
});

describe('llct check --overlay', () => {
  it('judges the overlay province by the overlay and says which layer a reason comes from', async () => {
    const r = await runLlct(ROOT, ['check', '--cadres', CADRES, '--level', 'intermediate', '--mode', 'part-time', '--on', '2026-03-02', '--format', 'json', '--overlay', OVERLAY]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: { id: string; eligible: boolean; failures: { rule: string; layer?: { id: string; decision: string; illustrative?: boolean } }[]; basis?: { overlays: { id: string }[]; text: string } }[] };
    const byId = new Map(doc.results.map((x) => [x.id, x]));
    expect(byId.get('LC-A')!.eligible).toBe(false);
    expect(byId.get('LC-A')!.failures).toEqual([expect.objectContaining({ rule: 'tc350-part-time-age', layer: expect.objectContaining({ id: 'lao-cai-10-qd-tu-minh-hoa', decision: '10-QĐ/TU', illustrative: true }) })]);
    expect(byId.get('LC-A')!.basis!.text).toBe('350-qd-tw; lớp phủ lao-cai-10-qd-tu-minh-hoa (minh họa) — theo 10-QĐ/TU ngày 28/11/2025 (minh họa)');
    // The Nghệ An cadre is judged by 350 alone: no basis, as before overlays existed.
    expect(byId.get('NA-D')!.basis).toBeUndefined();
    expect(byId.get('NA-D')!.eligible).toBe(true);
  }, 60_000);

  it('gives the same results on a checking thread', async () => {
    const lines = join(scratch, 'lao-cai.jsonl');
    writeFileSync(lines, (JSON.parse(readFileSync(join(ROOT, CADRES), 'utf8')) as unknown[]).map((c) => JSON.stringify(c)).join('\n'));
    const args = ['check', '--cadres', lines, '--level', 'intermediate', '--mode', 'part-time', '--on', '2026-03-02', '--format', 'json', '--overlay', OVERLAY];
    const inline = await runLlct(ROOT, [...args, '--workers', '0']);
    const threaded = await runLlct(ROOT, [...args, '--workers', '1', '--progress']);
    expect(threaded.stderr).toMatch(/\(1 luồng\)/);
    expect(inline.stdout).toContain('"layer"');
    expect(threaded.stdout).toBe(inline.stdout);
  }, 60_000);

  it('refuses an overlay that does not hold against the base (exit 2, nothing judged)', async () => {
    const r = await runLlct(ROOT, ['check', '--cadres', CADRES, '--level', 'intermediate', '--mode', 'part-time', '--on', '2026-03-02', '--overlay', 'fixtures/bad-input/stale-base.overlay.json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('overlay was written when it was 38');
  }, 60_000);
});

describe('llct explain --overlay', () => {
  it('marks the rules the overlay made, cites the overlay act for an added group, and says what the verdict was judged under', async () => {
    const r = await runLlct(ROOT, ['explain', '--cadres', CADRES, '--id', 'LC-C', '--level', 'intermediate', '--mode', 'full-time', '--on', '2026-03-02', '--overlay', OVERLAY, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Judged under: 350-qd-tw; overlay lao-cai-10-qd-tu-minh-hoa (illustrative) — under 10-QĐ/TU of 28/11/2025 (illustrative)');
    expect(r.stdout).toMatch(/✓ Commune civil servants \(illustrative Lào Cai overlay group\) — 10-QĐ\/TU, Art\. 1 \(article number assumed\) \[overlay lao-cai-10-qd-tu-minh-hoa \(illustrative\) — 10-QĐ\/TU, added\]/);
    const without = await runLlct(ROOT, ['explain', '--cadres', CADRES, '--id', 'LC-C', '--level', 'intermediate', '--mode', 'full-time', '--on', '2026-03-02', '--lang', 'en']);
    expect(without.stdout).not.toContain('overlay');
  }, 60_000);
});

describe('llct validate on overlays', () => {
  it('accepts the illustrative overlay and reports a stale one, given as --overlay or as --ruleset', async () => {
    const ok = await runLlct(ROOT, ['validate', '--overlay', OVERLAY, '--format', 'json']);
    expect(ok.code, ok.stdout).toBe(0);
    for (const flag of ['--overlay', '--ruleset']) {
      const bad = await runLlct(ROOT, ['validate', flag, 'fixtures/bad-input/stale-base.overlay.json', '--format', 'json']);
      expect(bad.code).toBe(2);
      const codes = (JSON.parse(bad.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]!.diagnostics.map((d) => d.code);
      expect(codes).toEqual(expect.arrayContaining(['overlay/base-changed', 'overlay/unknown-rule', 'overlay/threshold-changed', 'overlay/no-condition']));
    }
  }, 60_000);
});
