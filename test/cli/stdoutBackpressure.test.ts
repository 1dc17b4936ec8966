/**
 * The table and JUnit outputs are replayed from a temporary file at the end, megabytes at once: the replay must
 * wait for the reader between chunks (the `afterWrite` the command passes is the stdout backpressure wait), or a slow
 * reader of a million-row table turns the whole output into memory (measured: 2.1 GB of RSS before, 0.67 GB after).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheckStream } from '../../cli/check/runCheckStream.ts';
import { runDiffStream } from '../../cli/diff/runDiffStream.ts';
import { builtinDocuments } from '../../engine/builtin.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { cadresToCsv } from '../../engine/io/cadresToCsv.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';

const dir = mkdtempSync(join(tmpdir(), 'llct-backpressure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'cohort.csv');
// Enough rows for the table's replay to come in several chunks (the spool reads 1 MiB at a time).
writeFileSync(file, cadresToCsv(generateBuiltinCohort({ count: 12_000, seed: 'backpressure' })));
const defaults = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' } as const;

/**
 * Records writes and waits in order; each wait resolves on a later turn of the event loop, so a write issued before
 * it resolves shows up as a write right after a write.
 */
function recorder() {
  const events: Array<{ kind: 'out'; size: number } | { kind: 'wait' }> = [];
  return {
    events,
    out(text: string) { events.push({ kind: 'out', size: text.length }); },
    afterWrite() { events.push({ kind: 'wait' }); return new Promise<void>((resolve) => setTimeout(resolve, 0)); },
  };
}

/** Writes of at least 256 KiB (the replay's chunks): each must be followed by a wait before the next write. */
function expectWaitAfterEachLargeWrite(events: ReturnType<typeof recorder>['events']) {
  const large = events.flatMap((e, i) => (e.kind === 'out' && e.size >= 256 * 1024 ? [i] : []));
  expect(large.length).toBeGreaterThanOrEqual(3);
  for (const i of large) expect(events[i + 1]).toEqual({ kind: 'wait' });
}

describe('the replay of a spooled output', () => {
  for (const format of ['table', 'junit'] as const) {
    it(`waits for the reader after each chunk of llct check's ${format}`, async () => {
      const r = recorder();
      const result = await runCheckStream({
        path: file, workers: 0, out: r.out, afterWrite: r.afterWrite,
        settings: { file: 'cohort.csv', lang: 'vi', format, engine: 'compiled', defaults },
      });
      expect(result.ok).toBe(true);
      expectWaitAfterEachLargeWrite(r.events);
    });
  }

  it('waits for the reader after each chunk of llct diff\'s table', async () => {
    const side = (ruleset?: string) => {
      const made = createDiffSide(ruleset ? { ruleset } : {}, builtinDocuments(), defaults.on);
      if (!made.ok) throw new Error(made.diagnostic.message);
      return made.side;
    };
    const r = recorder();
    const result = await runDiffStream({
      path: file, head: { file: 'cohort.csv', a: { label: 'A', labelEn: 'A' }, b: { label: 'B', labelEn: 'B' }, defaults },
      sides: { a: side(), b: side('350-qd-tw') }, sync: true, defaults, format: 'table', all: true, lang: 'vi',
      out: r.out, afterWrite: r.afterWrite,
    });
    expect(result.ok).toBe(true);
    expectWaitAfterEachLargeWrite(r.events);
  });
});
