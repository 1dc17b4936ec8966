/**
 * The bad-input corpus (fixtures/bad-input/manifest.json): each file with the outcome it must give — exit code, the
 * diagnostic code reported, and for cadre rows the row and field of the error. Run in-process through `runCli` (the
 * same function bin/llct.mjs runs), from the corpus folder. Plus the channels a file cannot hold: standard input
 * through a pipe and a device, on the real binary.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/runCli.ts';
import { ROOT } from './runLlct.ts';

interface Case {
  file: string; class: string; args: string[]; exit: number; code?: string; row?: number; field?: string;
  /** A part of stderr that identifies the diagnostic when the command prints no code (text output). */
  message?: string;
  stdoutContains?: string; stdoutLacks?: string; stderrContains?: string; checked?: number;
}

const DIR = join(ROOT, 'fixtures', 'bad-input');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { cases: Case[] };

async function run(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => { stdout += t; }, err: (t) => { stderr += t; }, errIsTTY: false, cwd: DIR });
  return { code, stdout, stderr };
}

describe('the bad-input corpus', () => {
  it('has cases of every class the hostile-input pass found', () => {
    expect(new Set(manifest.cases.map((c) => c.class))).toEqual(new Set(['depth', 'names', 'channels', 'data', 'encoding', 'file-level', 'injection', 'cost']));
  });

  for (const c of manifest.cases) {
    it(`${c.class}: llct ${c.args.join(' ').replace('{file}', c.file)} → exit ${c.exit}${c.code ? `, ${c.code}` : ''}`, async () => {
      const r = await run(c.args.map((a) => a.replace('{file}', c.file)));
      expect(r.stderr).not.toMatch(/Internal error|Lỗi nội bộ/);
      expect(r.code, r.stderr).toBe(c.exit);
      if (c.code !== undefined) {
        const coded = r.stdout.includes(`"${c.code}"`) || r.stdout.includes(`(${c.code})`) || r.stderr.includes(c.code);
        if (!coded) {
          expect(c.message, `${c.code} is not in the output; the case must name a message to look for`).toBeDefined();
          expect(r.stderr).toContain(c.message);
        }
      }
      if (c.row !== undefined || c.field !== undefined) {
        const doc = JSON.parse(r.stdout) as { errors: { code: string; row?: number; field?: string }[]; results: unknown[] };
        expect(doc.errors.filter((e) => e.code === c.code).map((e) => [e.row, e.field])).toContainEqual([c.row, c.field]);
        if (c.checked !== undefined) expect(doc.results).toHaveLength(c.checked);
      }
      if (c.stdoutContains !== undefined) expect(r.stdout).toContain(c.stdoutContains);
      if (c.stdoutLacks !== undefined) expect(r.stdout).not.toContain(c.stdoutLacks);
      if (c.stderrContains !== undefined) expect(r.stderr).toContain(c.stderrContains);
    }, 60_000);
  }
});

/** Runs the real binary with `input` piped to its standard input. */
function runWithStdin(args: readonly string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'llct.mjs'), ...args], { cwd: DIR });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => { stdout += t; });
    child.stderr.setEncoding('utf8').on('data', (t: string) => { stderr += t; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/**
 * Runs the real binary with an endless stream of `byte` on its standard input (as `cat /dev/zero | llct …`), and
 * says how much was written before it exited.
 */
function runWithEndlessStdin(args: readonly string[], byte: number): Promise<{ code: number | null; stdout: string; stderr: string; written: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'llct.mjs'), ...args], { cwd: DIR });
    let stdout = '';
    let stderr = '';
    let written = 0;
    let closed = false;
    const chunk = Buffer.alloc(1 << 16, byte);
    child.stdout.setEncoding('utf8').on('data', (t: string) => { stdout += t; });
    child.stderr.setEncoding('utf8').on('data', (t: string) => { stderr += t; });
    child.stdin.on('error', () => { /* EPIPE once the command stops reading: expected. */ });
    const pump = () => {
      // 256 MiB is far beyond what a bounded reader takes; stop there so that a reader that reads on fails the test.
      while (!closed && written < 256 * 1024 * 1024) {
        written += chunk.length;
        if (!child.stdin.write(chunk)) { child.stdin.once('drain', pump); return; }
      }
      if (!closed) child.stdin.end();
    };
    child.on('close', (code) => { closed = true; resolve({ code, stdout, stderr, written }); });
    pump();
  });
}

describe('input channels', () => {
  it('refuses a stream without line ends on standard input after a bounded size, as CSV and as JSON lines', async () => {
    const flags = ['--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01', '--format', 'json', '--lang', 'en'];
    for (const [extra, byte, code] of [[[], 0, 'csv/line-too-long'], [['--input-format', 'jsonl'], 0x7b, 'jsonl/line-too-long']] as const) {
      const r = await runWithEndlessStdin(['check', '--cadres', '-', ...extra, ...flags], byte);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('without a line break');
      const doc = JSON.parse(r.stdout) as { errors: { code: string; row?: number; line?: number }[]; summary: { total: number } };
      expect(doc.errors).toEqual([expect.objectContaining({ code, line: 1 })]);
      expect(doc.summary.total).toBe(0);
      expect(r.written).toBeLessThan(256 * 1024 * 1024);
    }
  }, 120_000);

  const csv = readFileSync(join(ROOT, 'fixtures', 'cadres', 'hanoi-2024-central-agencies.csv'), 'utf8');
  const flags = ['--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01', '--format', 'csv'];

  it('reads cadres piped to standard input, as - and as /dev/stdin, as it reads the file', async () => {
    const fromFile = await run(['check', '--cadres', '../cadres/hanoi-2024-central-agencies.csv', ...flags]);
    for (const name of ['-', '/dev/stdin']) {
      const piped = await runWithStdin(['check', '--cadres', name, ...flags], csv);
      expect(piped.code, piped.stderr).toBe(0);
      expect(piped.stdout).toBe(fromFile.stdout);
    }
  }, 60_000);

  it('refuses a device that never ends with a message, before reading it', async () => {
    const r = await run(['check', '--cadres', '/dev/zero', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero');
    expect(r.stdout).toBe('');
  });
});

describe('output channels (--out, --save)', () => {
  const SIMULATE = ['simulate', '--plan', '../plans/ha-noi-2024.json', '--runs', '2', '--generate', '40', '--workers', '0', '--format', 'csv'];
  const REPLAY = ['lifecycle', 'replay', '--events', '../lifecycle/class-full.events.json'];
  let scratch = '';
  beforeAll(() => { scratch = mkdtempSync(join(tmpdir(), 'llct-out-')); });
  afterAll(() => { rmSync(scratch, { recursive: true, force: true }); });

  /**
   * The null device to write to. As root, a writer that renames over its target would replace the system's
   * /dev/null by a regular file (for every process on the machine): the test then writes to a null device of its
   * own (mknod c 1 3, as /dev/null is) and can fail without harm. Other users cannot replace /dev/null.
   */
  function nullDevice(): string {
    if (process.getuid?.() !== 0) return '/dev/null';
    const own = join(scratch, 'null');
    execFileSync('mknod', ['-m', '666', own, 'c', '1', '3']);
    return own;
  }

  it('writes into a null device in place: it stays a character device', async () => {
    const device = nullDevice();
    for (const args of [[...SIMULATE, '--out', device], [...REPLAY, '--save', device]]) {
      const r = await runWithStdin(args, '');
      expect(r.stderr).not.toMatch(/Internal error|Lỗi nội bộ/);
      expect(r.code, r.stderr).toBe(0);
      expect(statSync(device).isCharacterDevice()).toBe(true);
    }
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dirname(device)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('writes into a FIFO in place, for the reader at its other end, and leaves it a FIFO', async () => {
    for (const [args, expected] of [[SIMULATE, 'kpi,candidates'], [REPLAY, '"llct/lifecycle-snapshot"']] as const) {
      const fifo = join(scratch, `out-${args[0]}.fifo`);
      execFileSync('mkfifo', [fifo]);
      // The reader opens its end first; the command's open for writing then completes, as with a shell's `>`.
      const read = new Promise<string>((resolve, reject) => {
        let text = '';
        createReadStream(fifo, 'utf8').on('data', (t) => { text += String(t); }).on('end', () => resolve(text)).on('error', reject);
      });
      const r = await runWithStdin([...args, args === SIMULATE ? '--out' : '--save', fifo], '');
      expect(r.code, r.stderr).toBe(0);
      expect(await read).toContain(expected);
      expect(statSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(scratch).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  }, 60_000);

  it('refuses a directory as the output, naming it, and leaves the directory as it was', async () => {
    const dir = join(scratch, 'a-folder');
    mkdirSync(dir);
    for (const args of [[...SIMULATE, '--out', dir], [...REPLAY, '--save', dir], ['generate', '--count', '3', '--seed', '1', '--out', dir]]) {
      const r = await runWithStdin([...args, '--lang', 'en'], '');
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${dir}: cannot write (is a directory`);
      expect(statSync(dir).isDirectory()).toBe(true);
      expect(readdirSync(dir)).toEqual([]);
    }
  }, 60_000);

  it('replaces the file a link points to and keeps the link a link', async () => {
    const target = join(scratch, 'result.csv');
    const link = join(scratch, 'link.csv');
    writeFileSync(target, 'old\n');
    symlinkSync(target, link);
    const r = await runWithStdin([...SIMULATE, '--out', link], '');
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toContain('kpi,candidates');
  }, 60_000);
});
