/**
 * The floor of `llct check` (run by `npm run bench` as a child process, like the check itself):
 * `node --import tsx bench/checkFloor.ts FILE.csv > /dev/null` reads the file as `llct check` reads it (cli/openInput.ts:
 * the same stream, chunk size and strict UTF-8 decoding), parses it with the same CSV parser (engine/io/parseCsv.ts),
 * and writes every row as a JSON object (header names as keys, the row's cells as values, indented as the check's
 * results are) through stdout with the same backpressure — everything the command must do, without building
 * profiles, deriving facts, evaluating rules or building verdicts. One thread. On stderr, one JSON line: rows, bytes
 * written, and the seconds spent reading + parsing and serializing.
 */
import { openInput } from '../cli/openInput.ts';
import { stdoutRoom } from '../cli/stdoutRoom.ts';
import { createCsvParser, type CsvRecord } from '../engine/io/parseCsv.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: checkFloor.ts FILE.csv');

const opened = await openInput(path, path, undefined);
if (!opened.ok) throw new Error(opened.diagnostic.message);
const parser = createCsvParser();
let header: string[] | undefined;
let rows = 0;
let bytes = 0;
let serializeMs = 0;
const started = performance.now();

function write(text: string) {
  bytes += Buffer.byteLength(text);
  process.stdout.write(text);
}

/** `\n      "name": ` for each column: a row's object is these and its cells as JSON strings. */
let keys: string[] = [];

/**
 * One batch of records as the check's JSON writes results (`JSON.stringify(…, null, 2)`'s layout under `results`,
 * `,\n` between), the text built by hand as the check's writer builds it (`resultJsonText`, cli/format/formatCheckJson.ts).
 */
function take(records: CsvRecord[]) {
  const t = performance.now();
  const parts: string[] = [];
  for (const r of records) {
    if (!header) {
      header = r.fields;
      keys = header.map((h, k) => `${k === 0 ? '' : ','}\n      ${JSON.stringify(h)}: `);
      continue;
    }
    let text = rows === 0 ? '\n    {' : ',\n    {';
    const fields = r.fields;
    for (let k = 0; k < keys.length; k++) text += keys[k]! + JSON.stringify(fields[k] ?? '');
    parts.push(`${text}\n    }`);
    rows++;
  }
  serializeMs += performance.now() - t;
  if (parts.length > 0) write(parts.join(''));
}

write('{\n  "results": [');
for await (const { text } of opened.input.chunks()) {
  take(parser.push(text));
  await stdoutRoom();
}
take(parser.end());
write('\n  ]\n}\n');
await opened.input.close();
process.stderr.write(`${JSON.stringify({ rows, bytes, seconds: (performance.now() - started) / 1000, serializeSeconds: serializeMs / 1000 })}\n`);
