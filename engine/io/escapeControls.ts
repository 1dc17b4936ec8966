/**
 * Text from files shown on a terminal or written to a CSV file: control characters (ESC sequences that move the cursor, recolour or retitle
 * the terminal, a carriage return that overwrites the line, bidi overrides that reorder it) are written as visible
 * escapes (`\x1b`, `\u202e`) instead of being sent to the terminal.
 */

// C0 controls, DEL, C1 controls, and the Unicode bidi controls.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// The same without the tab, LF and a CR before LF: data a quoted CSV cell may hold as it is.
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/**
 * `text` with every control character escaped (line breaks too: a cell or a message is one line). With
 * `keepLineBreaks`, tabs, LF and CRLF stay (a quoted CSV cell holds them as data; a lone CR, which hides what comes
 * before it on a terminal, is still escaped).
 */
export function escapeControls(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  return text.replace(options.keepLineBreaks ? CONTROLS_BUT_LINES : CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
