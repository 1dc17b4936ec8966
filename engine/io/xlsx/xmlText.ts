/** The little XML a workbook part needs: attributes of a tag, entity decoding, the text runs of a string item. */

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with XML's character and entity references replaced. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name]!;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const ATTRIBUTES = new Map<string, RegExp>();

/** The value of attribute `name` in a start tag's attribute text (decoded), or `undefined`. */
export function attribute(attrs: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) { re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`); ATTRIBUTES.set(name, re); }
  const m = re.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

const RUN_TEXT = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

const ESCAPED_CHAR = /_x([0-9A-Fa-f]{4})_/g;

/**
 * The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic guides left out, SpreadsheetML's
 * `_xHHHH_` escapes (Excel writes a carriage return as `_x000D_`, `_x005F_` for a literal underscore) decoded.
 */
export function stringItemText(inner: string): string {
  const body = inner.includes('rPh') ? inner.replace(PHONETIC, '') : inner;
  let out = '';
  for (const m of body.matchAll(RUN_TEXT)) out += m[1] ?? '';
  const text = decodeXml(out);
  return text.includes('_x') ? text.replace(ESCAPED_CHAR, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
