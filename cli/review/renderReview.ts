/**
 * The review's blocks as Markdown (what CI posts on a merge request) or as a standalone HTML page; both escape
 * every text taken from the documents.
 */
import type { Block } from './reviewBlocks.ts';

/** Markdown text: characters that would start markup or raw HTML are escaped; line breaks become spaces. */
export function markdownText(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** The first line of the Markdown: invisible once rendered, it lets CI find and update its earlier comment. */
export const MARKDOWN_MARKER = '<!-- llct-review -->';

/** The blocks as GitLab/GitHub-flavoured Markdown, after {@link MARKDOWN_MARKER}. */
export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [MARKDOWN_MARKER];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(`${'#'.repeat(b.level)} ${markdownText(b.text)}`);
    else if (b.kind === 'paragraph') out.push(markdownText(b.text));
    else if (b.kind === 'list') out.push(b.items.map((i) => `- ${markdownText(i)}`).join('\n'));
    else {
      const row = (cells: readonly string[]) => `| ${cells.map(markdownText).join(' | ')} |`;
      out.push([row(b.head), `|${b.head.map(() => ' --- ').join('|')}|`, ...b.rows.map(row)].join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** HTML text and attribute escaping. */
export function htmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = 'body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.5}'
  + 'table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}'
  + 'th{background:#f0f0f0}';

/** The blocks as a standalone page (no script, no external resource); `lang` is the page's language. */
export function renderHtml(blocks: readonly Block[], lang: 'vi' | 'en'): string {
  const first = blocks.find((b) => b.kind === 'heading');
  const title = first?.kind === 'heading' ? first.text : 'llct review';
  const body = blocks.map((b) => {
    if (b.kind === 'heading') return `<h${b.level}>${htmlText(b.text)}</h${b.level}>`;
    if (b.kind === 'paragraph') return `<p>${htmlText(b.text)}</p>`;
    if (b.kind === 'list') return `<ul>${b.items.map((i) => `<li>${htmlText(i)}</li>`).join('')}</ul>`;
    return `<table><thead><tr>${b.head.map((h) => `<th>${htmlText(h)}</th>`).join('')}</tr></thead><tbody>${
      b.rows.map((r) => `<tr>${r.map((c) => `<td>${htmlText(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }).join('\n');
  return `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n`
    + `<title>${htmlText(title)}</title>\n<link rel="icon" href="data:,">\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
