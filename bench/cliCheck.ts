/**
 * The `cliCheck1M` section: end-to-end `llct check` of a generated CSV (1,000,000 cadres by default), JSON out to
 * /dev/null, and its floor on the same file (bench/checkFloor.ts), each timed as a child process — with
 * `/usr/bin/time -v` when present (wall time, peak RSS, CPU), otherwise by polling /proc/<pid>/status for VmHWM.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { iterateBuiltinCohort } from '../engine/generate/generateBuiltinCohort.ts';
import { cadreCsvHeader, cadreCsvRow } from '../engine/io/cadresToCsv.ts';
import { log, round } from './measure.ts';

const TIME = '/usr/bin/time';
const ARGS = ['--level', 'intermediate', '--mode', 'part-time', '--on', '2024-03-01', '--format', 'json'];

async function writeCsv(path: string, count: number, seed: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${cadreCsvHeader()}\n`);
  let i = 0;
  let chunk: string[] = [];
  for (const p of iterateBuiltinCohort({ count, seed, idPrefix: 'CLI-' })) {
    chunk.push(cadreCsvRow(p));
    if (chunk.length === 2000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
    if (++i % 200_000 === 0) log(`cli: wrote ${i} rows`);
  }
  if (chunk.length > 0) out.write(`${chunk.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}

function parseTimeV(text: string) {
  const grab = (label: string) => text.match(new RegExp(`${label.replace(/[()]/g, '\\$&')}: (.+)`))?.[1]?.trim();
  const wall = grab('Elapsed (wall clock) time (h:mm:ss or m:ss)');
  const seconds = wall ? wall.split(':').reduce((acc, part) => acc * 60 + Number(part), 0) : undefined;
  const rssKb = Number(grab('Maximum resident set size (kbytes)'));
  return {
    seconds,
    peakRssMiB: Number.isFinite(rssKb) ? round(rssKb / 1024) : undefined,
    userSeconds: Number(grab('User time (seconds)')),
    systemSeconds: Number(grab('System time (seconds)')),
    cpu: grab('Percent of CPU this job got'),
    exitStatus: Number(grab('Exit status')),
  };
}

interface ChildRun {
  seconds: number;
  peakRssMiB?: number | undefined;
  userSeconds?: number;
  systemSeconds?: number;
  cpu?: string | undefined;
  exitCode: number | null;
  signal?: string;
  timedOut?: string;
  stderrTail?: string;
  /** The child's last stderr line, when it is JSON (the floor's own report). */
  report?: Record<string, unknown>;
}

/** Runs `node …args` with stdout to /dev/null, timed with `/usr/bin/time -v` when present; never throws. */
async function runChild(args: string[], timeoutSeconds: number): Promise<ChildRun> {
  const useTime = existsSync(TIME);
  const devNull = openSync('/dev/null', 'w');
  const started = performance.now();
  // Own process group, so a timeout can stop `time` and the node process under it together.
  const child = useTime
    ? spawn(TIME, ['-v', process.execPath, ...args], { stdio: ['ignore', devNull, 'pipe'], detached: true })
    : spawn(process.execPath, args, { stdio: ['ignore', devNull, 'pipe'], detached: true });
  closeSync(devNull);
  let stderr = '';
  let report: Record<string, unknown> | undefined;
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-65536);
    const line = /^\{"rows".*$/m.exec(stderr)?.[0];
    if (line) { try { report = JSON.parse(line) as Record<string, unknown>; } catch { /* partial line */ } }
  });
  let polledKb = 0;
  const poll = useTime ? undefined : setInterval(() => {
    try {
      const m = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/);
      if (m) polledKb = Math.max(polledKb, Number(m[1]));
    } catch { /* finished */ }
  }, 100);
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, timeoutSeconds * 1000);
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  clearTimeout(timer);
  if (poll) clearInterval(poll);
  const wallSeconds = round((performance.now() - started) / 1000, 2);
  const { exitStatus, ...measured } = useTime ? parseTimeV(stderr) : { exitStatus: code, seconds: wallSeconds, peakRssMiB: round(polledKb / 1024) };
  // `time` reports the status of the command it ran; without it, the child's own code.
  const exitCode = Number.isInteger(exitStatus) ? exitStatus! : code;
  return {
    ...measured, seconds: measured.seconds ?? wallSeconds, exitCode,
    ...(signal ? { signal } : {}), ...(timedOut ? { timedOut: `killed after ${timeoutSeconds} s` } : {}),
    ...(exitCode === 0 ? {} : { stderrTail: stderr.slice(-1500) }),
    ...(report ? { report } : {}),
  };
}

/** Which parser read the file fastest (parse-only seconds), and how many times slower ours is than the fastest library. */
function fastestParser(report: Record<string, unknown> | undefined): Record<string, unknown> {
  const parsers = report?.parsers as Record<string, { parseOnlySeconds: number }> | undefined;
  if (!parsers) return {};
  const names = Object.keys(parsers).sort((a, b) => parsers[a]!.parseOnlySeconds - parsers[b]!.parseOnlySeconds);
  const libraries = names.filter((n) => n !== 'ours');
  return {
    fastest: names[0],
    oursVsFastestLibrary: libraries.length > 0 ? round(parsers.ours!.parseOnlySeconds / parsers[libraries[0]!]!.parseOnlySeconds, 2) : undefined,
  };
}

const cpuSeconds = (r: ChildRun) => (r.userSeconds ?? NaN) + (r.systemSeconds ?? NaN);

/**
 * Runs the section; never throws (a failure is reported in the result). The floor (bench/checkFloor.ts: the same
 * reading, CSV parsing and JSON writing, nothing evaluated) runs first, then `llct check`, on the same file.
 */
export async function cliCheck(count: number, seed: string, timeoutSeconds: number): Promise<Record<string, unknown>> {
  const bin = resolve('bin/llct.mjs');
  if (!existsSync(bin)) return { skipped: 'bin/llct.mjs does not exist yet' };
  if (count === 0) return { skipped: 'BENCH_CLI_CADRES=0' };
  const dir = mkdtempSync(join(tmpdir(), 'llct-bench-'));
  try {
    const csv = join(dir, 'cadres.csv');
    log(`cli: generating ${count} cadres as CSV`);
    await writeCsv(csv, count, seed);
    const csvMiB = round(statSync(csv).size / 2 ** 20);
    log(`cli: the floor (read, parse, write JSON) on ${count} rows`);
    const floor = await runChild(['--import', 'tsx', resolve('bench/checkFloor.ts'), csv], timeoutSeconds);
    log(`cli: parse-only throughput of our CSV parser, papaparse and csv-parse on the same ${count} rows`);
    const parserRun = await runChild(['--import', 'tsx', resolve('bench/csvParsers.ts'), csv], timeoutSeconds);
    log(`cli: running llct check on ${count} cadres (timeout ${timeoutSeconds} s)`);
    const check = await runChild([bin, 'check', '--cadres', csv, ...ARGS], timeoutSeconds);
    const command = `node bin/llct.mjs check --cadres <tmp>/cadres.csv ${ARGS.join(' ')} > /dev/null`;
    const ok = check.exitCode === 0 && !check.timedOut;
    const checkCpu = cpuSeconds(check);
    return {
      cadres: count, csvMiB, command, measuredWith: existsSync(TIME) ? `${TIME} -v` : 'polling /proc/<pid>/status VmHWM',
      ...check, cadresPerSecond: Math.round(count / check.seconds),
      verdictsPerCpuSecond: Number.isFinite(checkCpu) ? Math.round(count / checkCpu) : undefined,
      floor: {
        what: 'bench/checkFloor.ts: the same input reader (cli/openInput.ts) and CSV parser (engine/io/parseCsv.ts), each row written as a JSON object of its cells under "results" through stdout with the same backpressure; no profiles, facts, rules or verdicts; one thread',
        command: 'node --import tsx bench/checkFloor.ts <tmp>/cadres.csv > /dev/null',
        ...floor,
      },
      checkVsFloor: {
        wall: round(check.seconds / floor.seconds, 2),
        cpu: round(checkCpu / cpuSeconds(floor), 2),
      },
      parsers: {
        what: 'bench/csvParsers.ts: parse-only, streaming, on the same file and the same decoded text chunks (cli/openInput.ts); a timed pass counts records and fields, an untimed pass hashes every record to show the three read the same records; parseOnly = pass − readOnly (decoding alone)',
        modes: {
          ours: 'engine/io/parseCsv.ts createCsvParser().push/end, as llct check calls it',
          papaparse: 'papaparse 5.7.1, Node stream input, chunk callback, fastMode: false (fastMode splits on the delimiter and is wrong for quoted fields), skipEmptyLines: true, delimiter ","',
          csvParse: 'csv-parse 7.0.3 stream API (parse() transform, data events), bom: true, skip_empty_lines: true, relax_column_count: true, delimiter ","',
        },
        command: 'node --import tsx bench/csvParsers.ts <tmp>/cadres.csv',
        ...parserRun,
        ...fastestParser(parserRun.report),
      },
      targets: {
        under20s: ok && check.seconds < 20,
        peakRssUnder1GiB: (check.peakRssMiB ?? Infinity) < 1024,
        checkWithin2xOfFloor: ok && check.seconds / floor.seconds <= 2,
        atLeast1MVerdictsPerCpuSecond: Number.isFinite(checkCpu) && count / checkCpu >= 1_000_000,
      },
    };
  } catch (error) {
    return { failed: String(error) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
