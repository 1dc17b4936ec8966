/**
 * Canvas search: case- and diacritics-insensitive ("tuoi" finds "Tuổi", "dieu 5" finds "Điều 5"). Pure.
 */

/** Lower case, NFD with combining marks stripped, đ → d, runs of spaces as one. */
export function normalizeSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Whether the normalized `query` occurs in one of the texts. A query ending in a digit must end a number there:
 * "Điều 5" finds "Điều 5 khoản 2" but not "Điều 50".
 */
export function matchesSearch(query: string, texts: readonly string[]): boolean {
  if (query === '') return false;
  const endsInDigit = /\d$/.test(query);
  for (const t of texts) {
    const hay = normalizeSearch(t);
    let at = hay.indexOf(query);
    while (at >= 0) {
      if (!endsInDigit || !/\d/.test(hay.charAt(at + query.length))) return true;
      at = hay.indexOf(query, at + 1);
    }
  }
  return false;
}
