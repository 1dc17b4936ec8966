/**
 * What a cadre file is encoded in when it is not UTF-8: Vietnamese HR exports still come as Windows-1258 (TCVN
 * tone marks as combining characters) or Latin-1 / Windows-1252 (names without their Vietnamese letters). Reading
 * either as UTF-8 turns letters into U+FFFD, a province is then not recognised and the verdict changes without a
 * word, so such a file is refused with the encoding named, unless the user names it (`--encoding`). Pure.
 */

/** Encodings `--encoding` accepts (names TextDecoder knows; `latin1` decodes as its superset Windows-1252). */
export const INPUT_ENCODINGS = ['utf-8', 'windows-1258', 'latin1'] as const;
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

/** Bytes of Windows-1258 that only Vietnamese text uses: Ă ă Đ đ Ơ ơ Ư ư and the five combining tone marks. */
const CP1258_MARKERS = new Set([0xc3, 0xe3, 0xd0, 0xf0, 0xd5, 0xf5, 0xdd, 0xfd, 0xcc, 0xec, 0xd2, 0xde, 0xf2]);

/** The likely encoding of bytes that are not valid UTF-8 (`head`: the first bytes of the file). */
export function guessLegacyEncoding(head: Uint8Array): 'utf-16le' | 'utf-16be' | 'windows-1258' | 'latin1' {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  let markers = 0;
  let high = 0;
  for (const b of head) {
    if (b < 0x80) continue;
    high++;
    if (CP1258_MARKERS.has(b)) markers++;
  }
  // Vietnamese in Windows-1258 is mostly marker bytes; Western European Latin-1 text rarely uses them.
  return high > 0 && markers * 3 >= high ? 'windows-1258' : 'latin1';
}

/** The conversion command for a guessed encoding (iconv's names). */
export function iconvCommand(encoding: string, file: string): string {
  const from = encoding === 'latin1' ? 'WINDOWS-1252' : encoding.toUpperCase();
  return `iconv -f ${from} -t UTF-8 ${file} > ${file.replace(/(\.[a-z]+)?$/i, '-utf8$1')}`;
}
