import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createCohortDiff } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { isChanged, mainReason } from '../../engine/rules/diff/mainReason.ts';
import { DEFAULT_SETUP } from '../../editor/diff/buildDiffSides.ts';
import { compareCohort } from '../../editor/diff/compareCohort.ts';
import { matchesFilter } from '../../editor/diff/changedCadre.ts';
import { changedCadresToCsv } from '../../editor/diff/changedCadresToCsv.ts';
import { parseCsv } from '../../engine/io/parseCsv.ts';

const FILE = fileURLToPath(new URL('../../fixtures/cadres/hanoi-2024-central-agencies.csv', import.meta.url));
const text = readFileSync(FILE, 'utf8');
const input = { file: 'hanoi-2024-central-agencies.csv', text };
const instant = { pause: async () => undefined };

/** What the engine gives for the same file, checked row by row without the view's chunking. */
function engineDiff() {
  const read = readCadresFromText(text, { file: input.file, positions: builtinDocuments().positions });
  const a = createDiffSide({ ruleset: '57-qd-tw' }, builtinDocuments(), '2024-03-01');
  const b = createDiffSide({ ruleset: '350-qd-tw' }, builtinDocuments(), '2024-03-01');
  if (!a.ok || !b.ok) throw new Error('the shipped sides must build');
  const cohort = createCohortDiff({ a: a.side, b: b.side });
  const diffs = read.rows.map((r) => ({ row: r.row, diff: cohort.add(r.profile, DEFAULT_SETUP.defaults) }));
  return { summary: cohort.summary(), diffs };
}

describe('comparing a list in the comparison view', () => {
  it('gives the engine’s own summary for the Hà Nội sample, 57-QĐ/TW against 350-QĐ/TW, in chunks of 50 rows', async () => {
    const chunks: number[] = [];
    const out = await compareCohort(input, DEFAULT_SETUP, { ...instant, chunkSize: 50, onProgress: (_, n) => chunks.push(n) });
    if (out.status !== 'done') throw new Error(out.status);
    const expected = engineDiff();
    expect(out.result.summary).toEqual(expected.summary);
    expect(out.result.summary.a.eligible).toBe(185);
    expect(chunks).toEqual([50, 100, 150, 200, 210]);
    expect(out.result.changed.map((c) => c.diff)).toEqual(expected.diffs.filter((d) => isChanged(d.diff)).map((d) => d.diff));
    expect(out.result.rows).toBe(210);
    expect(out.result.unreadable).toBe(0);
    expect(out.result.labels.b.vi).toBe('350-QĐ/TW (áp dụng giả định)');
  });

  it('explains a lost cadre by the rule of side B that side A did not have', async () => {
    const out = await compareCohort(input, DEFAULT_SETUP, instant);
    if (out.status !== 'done') throw new Error(out.status);
    const lost = out.result.changed.find((c) => c.diff.change === 'lost');
    expect(lost).toBeDefined();
    const b = lost!.diff.b;
    if (!b.ok) throw new Error('side B checked');
    const [reason] = mainReason(lost!.diff);
    expect(reason!.citation).toMatch(/^350-QĐ\/TW/);
    expect(b.failures.map((f) => f.message)).toContain(reason!.text.vi);
  });

  it('refuses to compare two identical sides, in Vietnamese', async () => {
    const out = await compareCohort(input, { ...DEFAULT_SETUP, b: '57-qd-tw' }, instant);
    expect(out).toMatchObject({ status: 'refused' });
    if (out.status !== 'refused') return;
    expect(out.message.vi).toContain('Không có gì để so sánh');
  });

  it('compares the same regulation on two dates when side B has its own date', async () => {
    const out = await compareCohort(input, { ...DEFAULT_SETUP, a: 'in-force', b: 'in-force', bOn: '2025-09-15' }, instant);
    if (out.status !== 'done') throw new Error(out.status);
    expect(out.result.labels.a.vi).toBe('57-QĐ/TW (hiệu lực ngày 01/03/2024)');
    expect(out.result.changed.every((c) => !c.diff.b.ok || c.diff.b.on === '2025-09-15')).toBe(true);
    expect(out.result.summary.total).toBe(210);
  });

  it('refuses a side that follows the regulation in force on a date no regulation covers', async () => {
    const out = await compareCohort(input, { ...DEFAULT_SETUP, a: 'in-force', defaults: { ...DEFAULT_SETUP.defaults, on: '2021-06-01' } }, instant);
    expect(out.status).toBe('refused');
    if (out.status !== 'refused') return;
    expect(out.message.vi).toContain('Bên A, ngày 01/06/2021: Không có quy định nào áp dụng');
  });

  it('stops when cancelled and says how many cadres were compared', async () => {
    const controller = new AbortController();
    const out = await compareCohort(input, DEFAULT_SETUP, {
      chunkSize: 40, signal: controller.signal, pause: async () => { controller.abort(); },
    });
    expect(out).toEqual({ status: 'cancelled', compared: 40 });
  });

  it('lists unreadable rows by row and field and still compares the others', async () => {
    const lines = text.split('\n');
    lines[3] = lines[3]!.replace('1978-10-20', '1978-13-40');
    const out = await compareCohort({ file: 'hong.csv', text: lines.join('\n') }, DEFAULT_SETUP, instant);
    if (out.status !== 'done') throw new Error(out.status);
    expect(out.result.unreadable).toBe(1);
    expect(out.result.summary.total).toBe(209);
    expect(out.result.errors).toHaveLength(1);
    expect(out.result.errors[0]).toMatchObject({ row: 3, path: 'birthDate' });
    expect(out.result.errors[0]!.message).toMatch(/^hong\.csv, hàng 3 .*trường "birthDate"/);
  });
});

describe('a row that records a 350-QĐ/TW special decision, compared against 57-QĐ/TW', () => {
  // regulation.md "350 point by point": 350 lets the competent level decide special cases of trung cấp's part-time age
  // (women from 28); 57-QĐ/TW (women from 33) has no such clause. A woman of 27 on 01/10/2025 with a decision.
  const csv = [
    'id,fullName,sex,birthDate,party.status,education,politicalTheory,workplace.tier,workplace.province,position,ratings,nomination.level,nomination.mode,nomination.on,'
      + 'nomination.specialDecision.waives,nomination.specialDecision.decidedBy,nomination.specialDecision.number,nomination.specialDecision.on',
    'SD-1,Nguyễn Thị Thảo,female,1998-05-05,full,university,elementary,province,Nghệ An,deputy-head-of-division,2023:good;2024:good,intermediate,part-time,2025-10-01,'
      + 'tc350-part-time-age,Ban Thường vụ Tỉnh ủy Nghệ An,1234-QĐ/TU,2025-09-20',
  ].join('\n');

  it('is compared, not refused: 57 judges her without the decision and says so, 350 by special decision', async () => {
    const out = await compareCohort({ file: 'sd.csv', text: csv }, DEFAULT_SETUP, instant);
    if (out.status !== 'done') throw new Error(out.status);
    expect(out.result.errors).toEqual([]);
    expect(out.result.summary.changes).toMatchObject({ gained: 1, invalid: 0 });
    expect(out.result.summary.specialDecisions).toMatchObject({ recorded: 1, gained: 1 });
    const [c] = out.result.changed;
    expect(c!.diff).toMatchObject({ id: 'SD-1', change: 'gained', byDecision: 'b' });
    expect(matchesFilter(c!.diff, 'gained')).toBe(true);
    expect(c!.diff.a.ok && c!.diff.a.specialDecision?.use).toBe('not-applicable');
    expect(c!.diff.b.ok && c!.diff.b.specialDecision?.use).toBe('applied');
    expect(mainReason(c!.diff)[0]!.text.vi).toContain('chưa đủ điều kiện theo 57-QĐ/TW (bên A): 57-QĐ/TW không có quy tắc nào được miễn bằng quyết định đặc biệt');

    const { records } = parseCsv(changedCadresToCsv(out.result.changed, 'vi').slice(1));
    const [header, row] = records.map((r) => r.fields);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('Bên B')).toBe('đủ điều kiện theo quyết định đặc biệt');
    expect(cell('Chỉ do quyết định đặc biệt')).toBe('bên B');
    expect(cell('Quyết định đặc biệt bên A')).toMatch(/^Quyết định đặc biệt số 1234-QĐ\/TU ngày 20\/09\/2025 .* không áp dụng được, xét không có quyết định/);
    expect(cell('Quyết định đặc biệt bên B')).toBe('Miễn quy tắc tc350-part-time-age (350-QĐ/TW Điều 5 khoản 2 (số điều giả định)) theo quyết định đặc biệt số 1234-QĐ/TU ngày 20/09/2025 của Ban Thường vụ Tỉnh ủy Nghệ An');
    const en = parseCsv(changedCadresToCsv(out.result.changed, 'en').slice(1)).records.map((r) => r.fields);
    expect(en[1]![en[0]!.indexOf('Side B')]).toBe('eligible by special decision');
  });
});
