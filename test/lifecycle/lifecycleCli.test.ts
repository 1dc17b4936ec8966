import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.ts';
import { runLlct } from '../cli/runLlct.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FULL = join(ROOT, 'fixtures/lifecycle/class-full.events.json');
const REJECTED = join(ROOT, 'fixtures/lifecycle/class-rejected.events.json');
const BROKEN = join(ROOT, 'fixtures/lifecycle/broken-class.lifecycle.json');
let dir: string;

async function llct(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => { stdout += t; }, err: (t) => { stderr += t; }, errIsTTY: false, cwd: dir });
  return { code, stdout, stderr };
}

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'llct-lifecycle-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('llct lifecycle', () => {
  it('replay prints the contract JSON for the full class from the real binary, exit 0', async () => {
    const run = await runLlct(dir, ['lifecycle', 'replay', '--events', FULL, '--format', 'json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { state: string; history: Array<Record<string, unknown>>; rejected: unknown[] };
    expect(out.state).toBe('graduated');
    expect(out.rejected).toEqual([]);
    expect(out.history[0]).toEqual({ event: 'APPROVE', from: 'planned', to: 'approved', at: '2024-02-21' });
    for (const h of out.history) expect(Object.keys(h).slice(0, 4)).toEqual(['event', 'from', 'to', 'at']);
  });

  it('replay lists rejected events with their reasons, goes on, and exits 1', async () => {
    const r = await llct('lifecycle', 'replay', '--events', REJECTED, '--format', 'json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { state: string; rejected: Array<{ event: string; reason: string; reasonEn: string }> };
    expect(out.state).toBe('cancelled');
    expect(out.rejected).toHaveLength(11);
    expect(out.rejected.every((x) => x.event && x.reason && x.reasonEn)).toBe(true);
    const table = await llct('lifecycle', 'replay', '--events', REJECTED, '--lang', 'en');
    expect(table.stdout).toContain('Final state: cancelled');
    expect(table.stdout).toContain('#39 10/04/2024  CONVENE: CONVENE refused (Learner count): 12 learner(s) in state Admitted (admitted); at least 30 (minClassSize) needed.');
  });

  it('replay saves a snapshot and resumes from it to the same end as one uninterrupted replay', async () => {
    const events = JSON.parse(readFileSync(FULL, 'utf8')) as unknown[];
    writeFileSync(join(dir, 'first.json'), JSON.stringify(events.slice(0, 80)));
    writeFileSync(join(dir, 'rest.json'), JSON.stringify(events.slice(80)));
    const a = await llct('lifecycle', 'replay', '--events', 'first.json', '--save', 'class.snapshot.json', '--format', 'json');
    expect([a.code, JSON.parse(a.stdout).state]).toEqual([0, 'in-session']);
    const b = await llct('lifecycle', 'replay', '--events', 'rest.json', '--resume', 'class.snapshot.json', '--format', 'json');
    const whole = await llct('lifecycle', 'replay', '--events', FULL, '--format', 'json');
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).learners).toEqual(JSON.parse(whole.stdout).learners);
    expect(JSON.parse(b.stdout).state).toBe('graduated');
  });

  it('validate accepts the shipped lifecycles (warnings only) and refuses the broken sample with exit 2', async () => {
    const ok = await llct('lifecycle', 'validate');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('✓ rulesets/lifecycles/class-default.json (class-default r1, class)');
    // 8 assumed parameters, and sơ cấp out of 350-QĐ/TW's scope for the learner's screening.
    expect(ok.stdout).toContain('2 tệp: 0 lỗi, 9 cảnh báo');
    expect(ok.stdout).toContain('sơ cấp không thuộc phạm vi 350-QĐ/TW (cử từ 29/08/2025)');
    const bad = await llct('lifecycle', 'validate', '--workflow', BROKEN, '--format', 'json');
    expect(bad.code).toBe(2);
    const report = JSON.parse(bad.stdout) as { files: Array<{ valid: boolean; diagnostics: Array<{ code: string; file: string }> }>; summary: { errors: number } };
    expect(report.files[0]!.valid).toBe(false);
    expect(report.summary.errors).toBe(11);
    expect(new Set(report.files[0]!.diagnostics.map((d) => d.code))).toEqual(new Set([
      'lifecycle/unknown-action', 'lifecycle/payload-not-declared', 'lifecycle/unknown-guard', 'lifecycle/unknown-state-ref', 'lifecycle/unknown-parameter',
      'lifecycle/dangling-target', 'lifecycle/unguarded-overlap', 'lifecycle/final-has-transitions', 'lifecycle/unreachable-state',
      'lifecycle/no-path-to-final', 'lifecycle/parameter-out-of-range', 'lifecycle/assumed-parameter',
      // Its eligible guard at sơ cấp: out of 350-QĐ/TW's scope from 29/08/2025.
      'lifecycle/guard-never-passes-sometimes',
    ]));
    expect(report.files[0]!.diagnostics.every((d) => d.file === BROKEN)).toBe(true);
  });

  it('graph draws the class lifecycle in Mermaid and DOT, and the learner lifecycle on request', async () => {
    const mermaid = await llct('lifecycle', 'graph', '--format', 'mermaid');
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.split('\n').slice(0, 1)).toEqual(['stateDiagram-v2']);
    expect(mermaid.stdout).toContain('  [*] --> planned\n');
    expect(mermaid.stdout).toContain('  screening --> convened: CONVENE [and(learnerCount, learnerCount)]\n');
    expect(mermaid.stdout).toContain('  graduated --> [*]\n');
    expect(mermaid.stdout).toContain('state "Đang học (in-session)" as in_session');
    const dot = await llct('lifecycle', 'graph', '--format', 'dot', '--lang', 'en');
    expect(dot.stdout).toMatch(/^digraph "class-default" \{/);
    expect(dot.stdout).toContain('"graduated" [label="Graduated\\n(graduated)", peripheries=2];');
    expect(dot.stdout).toContain('"in-session" -> "examinations" [label="START_EXAMS [monthsSince]"];');
    const learner = await llct('lifecycle', 'graph', '--learner');
    expect(learner.stdout).toContain('  screening --> admitted: SCREEN [eligible]\n');
  });

  it('reports usage and file errors with exit 2', async () => {
    writeFileSync(join(dir, 'bad.json'), '[{"type": "APPROVE" "at": "2024-02-21"}]');
    writeFileSync(join(dir, 'object.json'), '{"type": "APPROVE"}');
    const cases = [
      await llct('lifecycle'),
      await llct('lifecycle', 'draw'),
      await llct('lifecycle', 'replay'),
      await llct('lifecycle', 'graph', '--format', 'json'),
      await llct('lifecycle', 'replay', '--events', 'bad.json'),
      await llct('lifecycle', 'replay', '--events', 'object.json'),
      await llct('lifecycle', 'replay', '--events', FULL, '--workflow', BROKEN),
      await llct('lifecycle', 'replay', '--events', 'missing.json'),
    ];
    expect(cases.map((c) => c.code)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(cases[4]!.stderr).toMatch(/bad\.json, dòng 1 cột \d+: JSON không hợp lệ/);
    expect(cases[5]!.stderr).toContain('cần một mảng JSON các sự kiện');
    expect(cases[6]!.stderr).toContain('lifecycle/unknown-guard');
  });
});
