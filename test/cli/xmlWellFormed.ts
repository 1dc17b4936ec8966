/**
 * A small XML 1.0 well-formedness check for the JUnit reports (no XML parser is a dependency): one root, tags
 * nested and closed, attributes quoted without `<`, no duplicate attribute, every `&` a known or numeric entity.
 */
const TOKEN = /<\/([A-Za-z_][\w.-]*)\s*>|<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
const BAD_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\s*/, '');
  if (body === xml) problems.push('missing XML declaration');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(TOKEN)) {
    const [, close, open, attrs, selfClosing, text, stray] = m;
    if (stray) { problems.push(`stray "<" at ${m.index}`); continue; }
    if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') problems.push('text outside the root element');
      if (BAD_ENTITY.test(text)) problems.push(`bad "&" in text at ${m.index}`);
      continue;
    }
    if (close) {
      const top = stack.pop();
      if (top !== close) problems.push(`</${close}> closes <${top ?? 'nothing'}>`);
      continue;
    }
    const names = [...(attrs ?? '').matchAll(/([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"/g)];
    if (new Set(names.map((a) => a[1])).size !== names.length) problems.push(`duplicate attribute in <${open}>`);
    if (names.some((a) => BAD_ENTITY.test(a[2]!))) problems.push(`bad "&" in an attribute of <${open}>`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(open!);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
