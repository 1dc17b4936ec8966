/**
 * A lifecycle as a Mermaid `stateDiagram-v2` or a Graphviz DOT digraph: states with their labels, final states,
 * and one edge per transition labelled `EVENT [guard]`. Transitions without target show as self-loops.
 */
import type { Lifecycle } from '../documents/lifecycle.ts';
import { lifecycleEdges } from './lifecycleGraph.ts';

type Lang = 'vi' | 'en';

/**
 * Labels and ids come from the lifecycle file: a line break or a quote in them must not end the Mermaid statement
 * (or the DOT string) and start one of the file's choosing. Mermaid ids keep letters, digits and `_` only; its text
 * has line breaks and other control characters as spaces, and `"` `;` `#` `%` `:` as Mermaid entity codes.
 */
const mermaidId = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const mermaidText = (s: string) => s.replace(CONTROLS, ' ').replace(/[";#%:]/g, (c) => `#${c.charCodeAt(0)};`);
const edgeLabel = (event: string, guard: string | undefined) => (guard ? `${event} [${guard}]` : event);

export function toMermaid(doc: Lifecycle, lang: Lang = 'vi'): string {
  const lines = ['stateDiagram-v2', `  %% ${`${doc.id} r${doc.revision}: ${doc.title[lang]}`.replace(CONTROLS, ' ')}`];
  for (const [id, s] of Object.entries(doc.states)) lines.push(`  state "${mermaidText(s.label[lang])} (${mermaidText(id)})" as ${mermaidId(id)}`);
  lines.push(`  [*] --> ${mermaidId(doc.initial)}`);
  for (const e of lifecycleEdges(doc)) lines.push(`  ${mermaidId(e.from)} --> ${mermaidId(e.to)}: ${mermaidText(edgeLabel(e.event, e.guard))}`);
  for (const [id, s] of Object.entries(doc.states)) if (s.final) lines.push(`  ${mermaidId(id)} --> [*]`);
  return `${lines.join('\n')}\n`;
}

/** A DOT quoted string: backslashes and quotes escaped, line breaks as DOT's `\n`. */
const dotString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(CONTROLS, ' ')}"`;

export function toDot(doc: Lifecycle, lang: Lang = 'vi'): string {
  const lines = [`digraph ${dotString(doc.id)} {`, '  rankdir=LR;', '  node [shape=box, style=rounded];', '  __start [shape=point];'];
  for (const [id, s] of Object.entries(doc.states)) {
    lines.push(`  ${dotString(id)} [label=${dotString(`${s.label[lang]}\n(${id})`)}${s.final ? ', peripheries=2' : ''}];`);
  }
  lines.push(`  __start -> ${dotString(doc.initial)};`);
  for (const e of lifecycleEdges(doc)) {
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(edgeLabel(e.event, e.guard))}${e.targetless ? ', style=dashed' : ''}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
