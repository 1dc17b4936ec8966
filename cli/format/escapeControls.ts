/**
 * Text from files shown on a terminal: control characters (ESC sequences that move the cursor, recolour or retitle
 * the terminal, a carriage return that overwrites the line, bidi overrides that reorder it) are written as visible
 * escapes (`\x1b`, `\u202e`) instead of being sent to the terminal.
 */

// C0 controls, DEL, C1 controls, and the Unicode bidi controls.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character escaped (line breaks too: a cell or a message is one line). */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
