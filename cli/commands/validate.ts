/**
 * `llct validate`: ruleset diagnostics (unknown facts and operators, wrong value types, missing citations…) with
 * their path inside the document and a hint. Without --ruleset, validates the shipped rulesets. Overlays
 * (`--overlay FILE`, or a `llct/ruleset-overlay` document given to --ruleset) are checked against their base: the
 * rulesets given with --ruleset when one has the overlay's `extends` id, else the shipped one. Exit 2 on any error.
 */
import { BUILTIN_RULESET_JSON, builtinCatalogues, builtinDocuments } from '../../engine/builtin.ts';
import { hintIn, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import { defineCommand, type ExitCode } from '../Command.ts';
import { readJson } from '../readFiles.ts';
import { OVERLAY_OPTION, RULESET_OPTION } from './shared.ts';
import { validateOverlay } from '../../engine/overlays/validateOverlay.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { RULESET_KIND, type Ruleset } from '../../engine/documents/ruleset.ts';
import { OVERLAY_KIND } from '../../engine/documents/overlay.ts';

export const validate = defineCommand(
  {
    name: 'validate',
    summary: { vi: 'kiểm tra bộ quy tắc: đường dẫn lỗi và gợi ý sửa', en: 'check rulesets: each problem with its path and a hint' },
    options: [
      { ...RULESET_OPTION, description: { vi: 'tệp bộ quy tắc cần kiểm tra (mặc định: các bộ có sẵn)', en: 'ruleset file to check (default: the built-in ones)' } },
      { ...OVERLAY_OPTION, description: { vi: 'tệp lớp phủ (llct/ruleset-overlay) cần kiểm tra với bộ gốc của nó; lặp lại được', en: 'overlay file (llct/ruleset-overlay) to check against its base; repeatable' } },
      { name: 'format', type: 'enum', values: ['table', 'json'], default: 'table', description: { vi: 'định dạng kết quả', en: 'output format' } },
    ],
    notes: { vi: 'Mã thoát: 0 không có lỗi (có thể có cảnh báo), 2 có lỗi.', en: 'Exit codes: 0 no errors (warnings allowed), 2 errors found.' },
  },

  async (ctx): Promise<ExitCode> => {
    const { lang } = ctx;
    const files = ctx.values.ruleset ?? [];
    const overlayFiles = ctx.values.overlay ?? [];
    const reports: { file: string; diagnostics: Diagnostic[] }[] = [];
    const read = await Promise.all([...files, ...overlayFiles].map(async (file) => ({ file, json: await readJson(ctx.cwd, file) })));
    // The bases overlays are checked against: the given rulesets that load, then the shipped ones.
    const given: Ruleset[] = [];
    for (const { json } of read.slice(0, files.length)) {
      if (!json.ok || isOverlay(json.value)) continue;
      const r = loadDocument(RULESET_KIND, json.value);
      if (r.ok) given.push(r.value);
    }
    const bases = [...given, ...builtinDocuments().rulesets.filter((b) => !given.some((g) => g.id === b.id))];
    if (files.length === 0 && overlayFiles.length === 0) {
      for (const [id, raw] of Object.entries(BUILTIN_RULESET_JSON)) {
        const file = `rulesets/${id}.json`;
        reports.push({ file, diagnostics: validateRuleset(raw, { ...builtinCatalogues(), file }) });
      }
    }
    for (const { file, json: j } of read) {
      if (!j.ok) { reports.push({ file, diagnostics: [j.diagnostic] }); continue; }
      const asOverlay = overlayFiles.includes(file) || isOverlay(j.value);
      reports.push({ file, diagnostics: asOverlay ? validateOverlay(j.value, { ...builtinCatalogues(), bases, file }) : validateRuleset(j.value, { ...builtinCatalogues(), file }) });
    }
    const count = (severity: string) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
    const errors = count('error');
    const warnings = count('warning');
    if (ctx.values.format === 'json') {
      ctx.out(`${JSON.stringify({
        files: reports.map((r) => ({
          file: r.file, valid: !r.diagnostics.some((d) => d.severity === 'error'),
          diagnostics: r.diagnostics.map((d) => ({ ...d, message: lang === 'en' ? d.messageEn : d.message, hint: hintIn(d, lang) })),
        })),
        summary: { files: reports.length, errors, warnings },
      }, null, 2)}\n`);
    } else {
      const lines: string[] = [];
      const sev = (d: Diagnostic) => (d.severity === 'error' ? (lang === 'en' ? 'error' : 'lỗi') : d.severity === 'warning' ? (lang === 'en' ? 'warning' : 'cảnh báo') : 'info');
      for (const r of reports) {
        const e = r.diagnostics.filter((d) => d.severity === 'error').length;
        lines.push(`${e > 0 ? '✗' : '✓'} ${r.file}`);
        for (const d of r.diagnostics) {
          if (d.severity === 'info') continue;
          lines.push(`  ${sev(d)} ${d.path || '—'} (${d.code})`, `      ${lang === 'en' ? d.messageEn : d.message}`);
          const hint = hintIn(d, lang);
          if (hint) lines.push(`      ${lang === 'en' ? 'hint' : 'gợi ý'}: ${hint}`);
        }
        const infos = r.diagnostics.filter((d) => d.severity === 'info');
        if (infos.length > 0) lines.push(`  info (${infos.length}): ${infos.map((d) => `${d.path} ${lang === 'en' ? d.messageEn : d.message}`).join(' · ')}`);
      }
      lines.push('', lang === 'en' ? `${reports.length} file(s): ${errors} error(s), ${warnings} warning(s)` : `${reports.length} tệp: ${errors} lỗi, ${warnings} cảnh báo`);
      ctx.out(`${lines.join('\n')}\n`);
    }
    return errors > 0 ? 2 : 0;
  },
);

/** Whether a JSON document says it is an overlay (`schema: "llct/ruleset-overlay"`). */
function isOverlay(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { schema?: unknown }).schema === OVERLAY_KIND.kind;
}
