/**
 * Writes each shipped rule's `provisions` (the outline keys it encodes) from the outlines' `rules` maps into the
 * rulesets, right after the rule's `citation`, keeping the files' 2-space JSON. Re-runnable: a second run changes
 * nothing. Run after editing a map in rulesets/outlines/*.outline.json, or after rules were added or renamed:
 *   node --import tsx scripts/applyProvisions.ts
 * Rules the maps do not name are left as they are and listed (the coverage map shows them as citing no provision).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyProvisionMap } from '../engine/coverage/applyProvisionMap.ts';
import { loadDocument } from '../engine/documents/loadDocument.ts';
import { REGULATION_OUTLINE_KIND } from '../engine/documents/regulationOutline.ts';

const root = fileURLToPath(new URL('../rulesets/', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

let failed = false;
for (const id of ['57-qd-tw', '350-qd-tw']) {
  const outline = loadDocument(REGULATION_OUTLINE_KIND, readJson(`${root}outlines/${id}.outline.json`));
  if (!outline.ok) {
    console.error(`outlines/${id}.outline.json does not load:\n${outline.diagnostics.map((d) => `  ${d.path}: ${d.messageEn}`).join('\n')}`);
    failed = true;
    continue;
  }
  const file = `${root}${outline.value.ruleset}.json`;
  const { ruleset, report } = applyProvisionMap(readJson(file) as Record<string, unknown>, outline.value.rules);
  writeFileSync(file, `${JSON.stringify(ruleset, null, 2)}\n`);
  console.error(`${outline.value.ruleset}: ${report.changed.length} rule(s) changed`
    + (report.unmapped.length ? `; not in the map (left as they are): ${report.unmapped.join(', ')}` : '')
    + (report.missing.length ? `; in the map but not in the ruleset: ${report.missing.join(', ')}` : ''));
}
if (failed) process.exitCode = 1;
