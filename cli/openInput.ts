/**
 * Opening an input the user names: a file, `-` (standard input), `/dev/stdin`, a pipe or a FIFO. Pipes cannot seek,
 * so everything is read front to back through one stream; devices that never end (`/dev/zero`, `/dev/urandom`) and
 * directories are refused up front. Text is decoded as strict UTF-8 (a BOM dropped): bytes that are not UTF-8 stop
 * the reading with the likely legacy encoding named and the iconv command that converts the file, unless
 * `--encoding` names the encoding to decode with.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { isatty } from 'node:tty';
import { diagnostic, type Diagnostic } from '../engine/diagnostics/Diagnostic.ts';
import type { Label } from '../engine/documents/enums.ts';
import { guessLegacyEncoding, iconvCommand, type InputEncoding } from '../engine/io/detectEncoding.ts';
import { resolvePath, unreadableFile } from './readFiles.ts';

const CHUNK = 1 << 16;

/** A problem with the input as a whole, raised while reading it; the command reports `diagnostic` and exits 2. */
export class InputProblem extends Error {
  constructor(readonly diagnostic: Diagnostic) { super(diagnostic.messageEn); }
}

export interface OpenedInput {
  /** Size in bytes for a regular file; 0 for a pipe (unknown). */
  size: number;
  seekable: boolean;
  /** The decoded text in chunks, with the bytes read so far. Iterate once. Throws `InputProblem` on bad bytes. */
  chunks(): AsyncGenerator<{ text: string; bytes: number }>;
  /** The first characters (at least `n` unless the input is shorter), kept for `chunks` to yield again. */
  peek(n: number): Promise<string>;
  /**
   * What the reading found worth a word, once the first bytes are read (`peek` or `chunks`): a file named as
   * `--encoding latin1` or `windows-1258` that is valid UTF-8 with letters beyond ASCII (`file/encoding-mismatch`:
   * its Vietnamese letters would read as mojibake, "Nguyá»…n").
   */
  readonly warnings: Diagnostic[];
  close(): Promise<void>;
}

/** The path read for `file`: `-` is standard input. */
export function inputPath(cwd: string, file: string): string {
  return file === '-' ? '/dev/stdin' : resolvePath(cwd, file);
}

function fileProblem(file: string, code: string, problem: Label, hint?: Label): Diagnostic {
  return { ...diagnostic(code, 'error', '', { vi: `${file}: ${problem.vi}`, en: `${file}: ${problem.en}` }, hint), file };
}

/** Opens `path` (see `inputPath`; `file`: the name messages use) for reading; a file that cannot be read is a diagnostic. */
export async function openInput(path: string, file: string, encoding: InputEncoding | undefined): Promise<{ ok: true; input: OpenedInput } | { ok: false; diagnostic: Diagnostic }> {
  // Standard input is read from the process's own stream: a pipe made by a parent process may be a socket, which
  // cannot be opened by name (ENXIO).
  if (file === '-' || path === '/dev/stdin') {
    return { ok: true, input: createInput(process.stdin, async () => {}, false, 0, file, encoding) };
  }
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    return { ok: false, diagnostic: unreadableFile(file, e) };
  }
  const st = await handle.stat();
  const refuse = async (d: Diagnostic) => { await handle.close(); return { ok: false as const, diagnostic: d }; };
  if (st.isDirectory()) return refuse(unreadableFile(file, Object.assign(new Error('EISDIR'), { code: 'EISDIR' })));
  if (st.isBlockDevice() || (st.isCharacterDevice() && !isatty(handle.fd))) {
    return refuse(fileProblem(file, 'file/device', { vi: 'đây là một thiết bị, không phải tệp dữ liệu (đọc mãi không hết)', en: 'is a device, not a data file (reading it would never end)' },
      { vi: 'Đưa tên một tệp, hoặc - để đọc từ stdin.', en: 'Name a file, or - to read standard input.' }));
  }
  const seekable = st.isFile();
  const stream = handle.createReadStream({ highWaterMark: CHUNK, autoClose: false, ...(seekable ? { start: 0 } : {}) });
  return { ok: true, input: createInput(stream, async () => { stream.destroy(); await handle.close(); }, seekable, seekable ? st.size : 0, file, encoding) };
}

function createInput(stream: Readable, close: () => Promise<void>, seekable: boolean, size: number, file: string, encoding: InputEncoding | undefined): OpenedInput {
  const bytesIn = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // Windows-1258 writes tone marks as combining characters: composed (NFC) so that names and provinces compare
  // equal to the catalogue's. A chunk's last character waits for the next chunk, which may hold its marks.
  const compose = encoding === 'windows-1258';
  let tail = '';
  const decoder = new TextDecoder(encoding ?? 'utf-8', { fatal: encoding === undefined || encoding === 'utf-8', ignoreBOM: false });
  let head: Uint8Array | undefined;
  let bytes = 0;
  const warnings: Diagnostic[] = [];
  const held: string[] = [];
  let done = false;

  const decode = (buf: Uint8Array | undefined): string => {
    try {
      const text = buf ? decoder.decode(buf, { stream: true }) : decoder.decode();
      if (!compose) return text;
      const all = tail + text;
      const cut = buf ? Math.max(0, all.length - 1) : all.length;
      tail = all.slice(cut);
      return all.slice(0, cut).normalize('NFC');
    } catch {
      const guess = guessLegacyEncoding(head ?? new Uint8Array());
      const readable = guess === 'windows-1258' || guess === 'latin1';
      throw new InputProblem(fileProblem(file, 'file/encoding',
        { vi: `không phải UTF-8; có vẻ là ${guess}${readable ? '' : ' (chưa hỗ trợ)'}`, en: `is not UTF-8; it looks like ${guess}${readable ? '' : ' (not supported)'}` },
        {
          vi: `Chuyển sang UTF-8: ${iconvCommand(guess, file)}${readable ? `, hoặc đọc thẳng với --encoding ${guess}` : ''}.`,
          en: `Convert it to UTF-8: ${iconvCommand(guess, file)}${readable ? `, or read it as is with --encoding ${guess}` : ''}.`,
        }));
    }
  };

  async function pull(): Promise<string | undefined> {
    if (done) return undefined;
    const next = await bytesIn.next();
    if (next.done) { done = true; return decode(undefined); }
    if (head === undefined) {
      head = next.value.subarray(0, 4096);
      if (encoding === 'latin1' || encoding === 'windows-1258') {
        const mismatch = utf8Mismatch(head, file, encoding);
        if (mismatch) warnings.push(mismatch);
      }
    }
    bytes += next.value.length;
    return decode(next.value);
  }

  return {
    size,
    seekable,
    warnings,
    async peek(n) {
      let text = held.join('');
      while (text.length < n && !done) {
        const t = await pull();
        if (t === undefined) break;
        held.push(t);
        text += t;
      }
      return text;
    },
    async *chunks() {
      while (held.length > 0) yield { text: held.shift()!, bytes };
      for (;;) {
        const t = await pull();
        if (t === undefined) return;
        if (t !== '') yield { text: t, bytes };
      }
    },
    close,
  };
}

/**
 * `file/encoding-mismatch` (a warning) when `head`, the first bytes of a file the user says is in `encoding`, holds
 * letters beyond ASCII and is valid UTF-8 (an incomplete last character allowed): a legacy encoding would read every
 * such letter as two or three wrong ones.
 */
function utf8Mismatch(head: Uint8Array, file: string, encoding: InputEncoding): Diagnostic | undefined {
  if (!head.some((b) => b >= 0x80)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return undefined;
  }
  const sample = new TextDecoder('utf-8').decode(head).match(/\p{L}*[^\p{ASCII}]\p{L}*/u)?.[0] ?? '';
  const garbled = new TextDecoder(encoding).decode(new TextEncoder().encode(sample));
  return { ...diagnostic('file/encoding-mismatch', 'warning', '',
    { vi: `${file}: được đọc theo --encoding ${encoding} nhưng tệp là UTF-8 hợp lệ: chữ có dấu sẽ sai ("${sample}" thành "${garbled}")`, en: `${file}: read as --encoding ${encoding} but the file is valid UTF-8: its accented letters will be wrong ("${sample}" becomes "${garbled}")` },
    { vi: `Bỏ --encoding ${encoding} (tệp UTF-8 được đọc đúng khi không nêu bảng mã).`, en: `Drop --encoding ${encoding} (a UTF-8 file reads correctly without it).` }), file };
}

/** Reads a whole input as text, refusing more than `maxChars` (an input without end, piped in). */
export async function readWholeInput(input: OpenedInput, file: string, maxChars: number): Promise<string> {
  const parts: string[] = [];
  let length = 0;
  for await (const { text } of input.chunks()) {
    length += text.length;
    if (length > maxChars) {
      throw new InputProblem(fileProblem(file, 'file/too-large', { vi: `dài quá ${maxChars} ký tự để đọc cả tệp một lần`, en: `is longer than ${maxChars} characters, too long to read whole` },
        { vi: 'Dùng CSV hoặc JSON lines (.jsonl): hai định dạng này được đọc dần, không giới hạn cỡ tệp.', en: 'Use CSV or JSON lines (.jsonl): these are read a batch at a time, whatever their size.' }));
    }
    parts.push(text);
  }
  return parts.join('');
}
