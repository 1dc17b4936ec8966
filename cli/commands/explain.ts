/**
 * `llct explain`: one cadre's verdict as readable Vietnamese (or English) text: the regulation and why, each rule
 * with ✓/✗, citation and confidence, the cadre's values, the institution and the notes.
 * Exit 0 explained, 1 the cadre's row is invalid, 2 usage, file or ruleset error.
 */
import { builtinDocuments, createBuiltinChecker } from '../../engine/builtin.ts';
import { closest, hintOf } from '../../engine/diagnostics/Diagnostic.ts';
import { MODES, TRAINING_LEVELS } from '../../engine/documents/enums.ts';
import { rowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import { deriveFacts, indexPositions } from '../../engine/rules/facts.ts';
import { indexProvinces } from '../../engine/rules/provinces.ts';
import { selectRuleset } from '../../engine/rules/selectRuleset.ts';
import { defineCommand, type ExitCode } from '../Command.ts';
import { formatExplanation } from '../format/formatExplanation.ts';
import { readCadreList } from '../readCadreList.ts';
import { formatDiagnostic, rulesetsFromFlags } from '../readFiles.ts';
import { loadOverlayFiles } from '../readOverlays.ts';
import { resolveOverlays } from '../../engine/overlays/resolveOverlays.ts';
import { nominationFor } from '../runCheck.ts';
import { ENGINE_OPTION, evaluatorOf } from '../engineOption.ts';
import { CADRE_FORMAT_OPTION, ENCODING_OPTION, nominationDefaults, OVERLAY_OPTION, RULESET_OPTION, SHEET_OPTION, sheetMisused, sheetOf, usageError } from './shared.ts';

export const explain = defineCommand(
  {
    name: 'explain',
    summary: { vi: 'giải thích kết luận cho một cán bộ, kèm điều khoản', en: "explain one cadre's verdict, with the articles" },
    options: [
      { name: 'cadres', type: 'string', valueName: 'FILE', description: { vi: 'tệp danh sách cán bộ (dùng cùng --id)', en: 'cadre list file (with --id)' } },
      { name: 'id', type: 'string', valueName: 'ID', description: { vi: 'mã cán bộ cần giải thích', en: 'id of the cadre to explain' } },
      { name: 'cadre', type: 'string', valueName: 'FILE', description: { vi: 'tệp chỉ có một hồ sơ cán bộ', en: 'file holding a single profile' } },
      { name: 'level', type: 'enum', values: TRAINING_LEVELS, description: { vi: 'cấp học (khi hồ sơ không ghi nomination.level)', en: 'training level (when the profile has no nomination.level)' } },
      { name: 'mode', type: 'enum', values: MODES, description: { vi: 'hình thức học (khi hồ sơ không ghi)', en: 'study mode (when the profile has none)' } },
      { name: 'on', type: 'date', valueName: 'DATE', description: { vi: 'ngày cử đi học (khi hồ sơ không ghi)', en: 'nomination date (when the profile has none)' } },
      RULESET_OPTION,
      OVERLAY_OPTION,
      CADRE_FORMAT_OPTION,
      SHEET_OPTION,
      ENCODING_OPTION,
      ENGINE_OPTION,
      { name: 'format', type: 'enum', values: ['text', 'json'], default: 'text', description: { vi: 'định dạng', en: 'output format' } },
    ],
    notes: {
      vi: 'Cần đúng một trong hai: --cadres FILE --id ID (một cán bộ trong danh sách), hoặc --cadre FILE (tệp chỉ có một hồ sơ).\nMã thoát: 0 đã giải thích, 1 hàng của cán bộ bị lỗi, 2 lỗi cách dùng, tệp hoặc bộ quy tắc.',
      en: 'Give exactly one of --cadres FILE --id ID (one cadre of a list), or --cadre FILE (a file holding one profile).\nExit codes: 0 explained, 1 the cadre\'s row is invalid, 2 usage, file or ruleset error.',
    },
  },

  async (ctx): Promise<ExitCode> => {
    const { values, lang } = ctx;
    const list = values.cadres;
    const single = values.cadre;
    const id = values.id;
    const file = list ?? single;
    if (file === undefined || (list !== undefined && single !== undefined)) {
      return usageError(ctx, 'explain', { vi: 'Cần đúng một trong hai: --cadres FILE --id ID, hoặc --cadre FILE.', en: 'Give exactly one of --cadres FILE --id ID, or --cadre FILE.' });
    }
    const misused = sheetMisused(ctx, 'explain', file, values['input-format'], values.sheet);
    if (misused !== undefined) return misused;
    if (list !== undefined && id === undefined) return usageError(ctx, 'explain', { vi: 'Thiếu --id ID (cán bộ cần giải thích).', en: 'Missing --id ID (the cadre to explain).' });

    const rulesets = await rulesetsFromFlags(ctx, values.ruleset, lang);
    if (!rulesets) return 2;
    const overlayFiles = values.overlay ?? [];
    const loadedOverlays = overlayFiles.length > 0 ? await loadOverlayFiles(ctx.cwd, overlayFiles, rulesets) : undefined;
    if (loadedOverlays) {
      for (const d of loadedOverlays.diagnostics) if (d.severity !== 'info') ctx.err(`${formatDiagnostic(d, lang)}\n`);
      if (!loadedOverlays.ok) return 2;
    }
    const overlays = loadedOverlays?.ok ? loadedOverlays.overlays : [];
    const docs = builtinDocuments();
    const opened = await readCadreList(ctx.cwd, file, {
      format: values['input-format'], encoding: values.encoding, sheet: sheetOf(values.sheet), positions: docs.positions,
      ...(single !== undefined ? { wrap: wrapSingleObject } : {}),
    });
    if (!opened.ok) { ctx.err(`${formatDiagnostic(opened.diagnostic, lang)}\n`); return 2; }
    for (const d of opened.warnings) ctx.err(`${formatDiagnostic(d, lang)}\n`);
    const read = opened.read;
    // A workbook that cannot be read (encrypted, not a list…) is a file error, named before anything else.
    const workbookErrors = read.errors.filter((d) => d.severity === 'error' && d.row === undefined && d.code.startsWith('xlsx/'));
    if (workbookErrors.length > 0) {
      for (const d of workbookErrors) ctx.err(`${formatDiagnostic(d, lang)}\n`);
      return 2;
    }
    for (const d of read.errors) if (d.severity !== 'error') ctx.err(`${formatDiagnostic(d, lang)}\n`);

    const row = id !== undefined ? read.rows.find((r) => r.profile.id === id) : read.rows.length === 1 && read.total === 1 ? read.rows[0] : undefined;
    if (!row) {
      const rowErrors = read.errors.filter((d) => d.severity === 'error' && (id === undefined || d.id === id));
      if (rowErrors.length > 0) { for (const d of rowErrors) ctx.err(`${formatDiagnostic(d, lang)}\n`); return 1; }
      if (id === undefined) return usageError(ctx, 'explain', { vi: `${file} có ${read.total} hồ sơ; dùng --cadres ${file} --id ID.`, en: `${file} holds ${read.total} profiles; use --cadres ${file} --id ID.` });
      const guess = closest(id, read.rows.map((r) => r.profile.id));
      return usageError(ctx, 'explain', { vi: `Không có cán bộ mã "${id}" trong ${file}.${guess ? ` Có phải "${guess}"?` : ''}`, en: `No cadre with id "${id}" in ${file}.${guess ? ` Did you mean "${guess}"?` : ''}` });
    }
    const rctx = { file, row: row.row, ...(row.line !== undefined ? { line: row.line } : {}), id: row.profile.id };
    const n = nominationFor(row, nominationDefaults(values), rctx);
    if (!n.ok) { for (const d of n.errors) ctx.err(`${formatDiagnostic(d, lang)}\n`); return 1; }
    const selection = selectRuleset(rulesets, n.nomination.on);
    if (!selection.ok) {
      const d = selection.diagnostic;
      ctx.err(`${formatDiagnostic(rowDiagnostic(rctx, d.code, 'error', d.path, { vi: d.message, en: d.messageEn }, hintOf(d)), lang)}\n`);
      return row.nomination?.on !== undefined ? 1 : 2;
    }
    const evaluator = evaluatorOf(values.engine);
    const outcome = await createBuiltinChecker({ rulesets, evaluator, overlays }).check(row.profile, n.nomination);
    if (!outcome.ok) { for (const d of outcome.diagnostics) ctx.err(`${formatDiagnostic(d, lang)}\n`); return 1; }
    const { facts } = deriveFacts(row.profile, n.nomination, { positions: indexPositions(docs.positions), provinces: indexProvinces(docs.institutions) });
    // The rules as the checker applied them: the overlays in force for this cadre layered over the regulation.
    const judgedBy = resolveOverlays(selection.ruleset, overlays, n.nomination.on, { province: facts.province, agency: row.profile.workplace.agency ?? null }).ruleset;
    if (values.format === 'json') {
      ctx.out(`${JSON.stringify({ profile: row.profile, nomination: n.nomination, facts, verdict: outcome.verdict, engine: values.engine }, null, 2)}\n`);
    } else {
      ctx.out(formatExplanation({ profile: row.profile, nomination: n.nomination, verdict: outcome.verdict, ruleset: judgedBy, rulesets, facts, positions: docs.positions }, lang));
    }
    return 0;
  },
);

/** A single-profile JSON file holds one object; the readers expect a list, so wrap it (other text passes through). */
function wrapSingleObject(text: string): string {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.hasOwn(v, 'cadres')) return `[${text}]`;
  } catch {
    // Not JSON: CSV or JSON lines, read as they are.
  }
  return text;
}
