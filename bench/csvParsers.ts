/**
 * Parse-only throughput of three CSV parsers on the same file (run by `npm run bench` as a child process, next to
 * the floor): `node --import tsx bench/csvParsers.ts FILE.csv`. Each parser gets the same decoded text chunks
 * (cli/openInput.ts: the stream, chunk size and strict UTF-8 decoding `llct check` uses) and streams: our
 * engine/io/parseCsv.ts (`push`/`end`, as `llct check` calls it), papaparse (Node stream input, `chunk` callback,
 * quote-aware mode: `fastMode: false`, `skipEmptyLines: true`) and csv-parse (its stream API, `skip_empty_lines`,
 * `relax_column_count`). A timed pass only counts records and fields; a second, untimed pass per parser hashes every
 * record (fields joined by U+001F) so that the three are shown to read the same records. The reading alone (decoding,
 * no parser) is timed too, so parse cost = pass − read. `BENCH_CSV_VERIFY=0` skips the hashing passes. On stderr, one
 * JSON line (`{"rows":…}`).
 */
import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Papa from 'papaparse';
import { parse as csvParse } from 'csv-parse';
import { openInput } from '../cli/openInput.ts';
import { createCsvParser } from '../engine/io/parseCsv.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: csvParsers.ts FILE.csv');

/** What a consumer does with each record: count it (timed pass) or also hash it (verification pass). */
interface Sink { rows: number; fields: number; hash?: Hash }
const take = (sink: Sink, fields: string[]) => {
  sink.rows++;
  sink.fields += fields.length;
  if (sink.hash) sink.hash.update(`${fields.join('\u001f')}\u001e`);
};

async function* textChunks(): AsyncGenerator<string> {
  const opened = await openInput(path!, path!, undefined);
  if (!opened.ok) throw new Error(opened.diagnostic.message);
  try {
    for await (const { text } of opened.input.chunks()) yield text;
  } finally {
    await opened.input.close();
  }
}

type Run = (sink: Sink) => Promise<void>;

const runners: Record<string, Run> = {
  async readOnly(sink) {
    for await (const text of textChunks()) sink.fields += text.length;
  },
  async ours(sink) {
    const p = createCsvParser();
    for await (const text of textChunks()) for (const r of p.push(text)) take(sink, r.fields);
    for (const r of p.end()) take(sink, r.fields);
  },
  papaparse(sink) {
    return new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(Readable.from(textChunks()), {
        delimiter: ',', fastMode: false, skipEmptyLines: true, header: false,
        chunk(results) { for (const row of results.data) take(sink, row); },
        complete: () => resolve(),
        error: (e: Error) => reject(e),
      });
    });
  },
  async csvParse(sink) {
    const parser = csvParse({ delimiter: ',', bom: true, skip_empty_lines: true, relax_column_count: true });
    parser.on('data', (row: string[]) => take(sink, row));
    await pipeline(Readable.from(textChunks()), parser);
  },
};

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const r2 = (x: number) => Math.round(x * 100) / 100;
const { size } = await import('node:fs').then((fs) => fs.statSync(path));
const mb = size / 1e6;

const timed: Record<string, { seconds: number; cpuSeconds: number; rows: number; fields: number }> = {};
// ours runs first and last: the better of its two passes is kept, so warm-up order does not favour the libraries.
for (const name of ['readOnly', 'ours', 'papaparse', 'csvParse', 'ours']) {
  const sink: Sink = { rows: 0, fields: 0 };
  const t = performance.now();
  const c = cpu();
  await runners[name]!(sink);
  const run = { seconds: (performance.now() - t) / 1000, cpuSeconds: cpu() - c, rows: sink.rows, fields: sink.fields };
  if (!timed[name] || run.seconds < timed[name].seconds) timed[name] = run;
}

const digests: Record<string, string> = {};
if (process.env.BENCH_CSV_VERIFY !== '0') {
  for (const name of ['ours', 'papaparse', 'csvParse']) {
    const sink: Sink = { rows: 0, fields: 0, hash: createHash('sha256') };
    await runners[name]!(sink);
    digests[name] = `${sink.rows} records, sha256 ${sink.hash!.digest('hex').slice(0, 16)}`;
  }
}

const read = timed.readOnly!;
const parsers = Object.fromEntries(['ours', 'papaparse', 'csvParse'].map((name) => {
  const r = timed[name]!;
  const parseSeconds = Math.max(1e-9, r.seconds - read.seconds);
  return [name, {
    records: r.rows, fields: r.fields, seconds: r2(r.seconds), cpuSeconds: r2(r.cpuSeconds),
    rowsPerSecond: Math.round(r.rows / r.seconds), mbPerSecond: r2(mb / r.seconds),
    parseOnlySeconds: r2(parseSeconds), parseOnlyRowsPerSecond: Math.round(r.rows / parseSeconds),
    ...(digests[name] ? { digest: digests[name] } : {}),
  }];
}));
const sameRecords = Object.keys(digests).length === 0 ? undefined : new Set(Object.values(digests)).size === 1;
process.stderr.write(`${JSON.stringify({ rows: timed.ours!.rows, csvMB: r2(mb), readOnly: { seconds: r2(read.seconds), cpuSeconds: r2(read.cpuSeconds), mbPerSecond: r2(mb / read.seconds) }, parsers, sameRecords })}\n`);
