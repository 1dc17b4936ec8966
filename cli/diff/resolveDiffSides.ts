/**
 * `llct diff`'s two sides from its flags: `--a`/`--b` name a shipped ruleset id or a ruleset file (loaded and
 * validated, diagnostics on stderr); omitted, the regulation in force on the side's date applies. `--b-on` gives
 * side B its own date. Two sides that are the same (same rulesets — by name or by content — same dates) are a usage
 * error.
 */
import { existsSync } from 'node:fs';
import { createDiffSide, type DiffSideSpec } from '../../engine/rules/diff/createDiffSide.ts';
import type { DiffSide } from '../../engine/rules/diff/createCohortDiff.ts';
import { selectRuleset } from '../../engine/rules/selectRuleset.ts';
import { builtinDocuments, builtinRulesetIds } from '../../engine/builtin.ts';
import type { EvaluatorFactory } from '../../engine/rules/RuleEvaluator.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import type { CommandIO } from '../Command.ts';
import { formatDiagnostic, loadRulesetFiles, resolvePath } from '../readFiles.ts';

/** What the JSON output says about a side. */
export interface SideHeader {
  label: string;
  labelEn: string;
  /** The ruleset as named on the command line (a shipped id or a file), when one was. */
  ruleset?: string;
  /** The side's own nomination date (ISO), when it has one. */
  on?: string;
}

export interface ResolvedSides { a: DiffSide; b: DiffSide; headers: { a: SideHeader; b: SideHeader } }

export interface SideFlags { a?: string; b?: string; on?: string; bOn?: string; evaluator: EvaluatorFactory }

/** A shipped id, a file, or an unknown id (a bare word that is not a file). */
type Named = { kind: 'id'; id: string } | { kind: 'file'; path: string; name: string };

function classify(cwd: string, value: string): Named {
  if (builtinRulesetIds().includes(value)) return { kind: 'id', id: value };
  const looksLikePath = /[\\/]/.test(value) || /\.json$/i.test(value) || existsSync(resolvePath(cwd, value));
  return looksLikePath ? { kind: 'file', path: resolvePath(cwd, value), name: value } : { kind: 'id', id: value };
}

const keyOf = (n: Named | undefined) => (n === undefined ? 'in-force' : n.kind === 'id' ? `id:${n.id}` : `file:${n.path}`);

/**
 * Resolves both sides; `undefined` after printing the problem when the flags cannot make two comparable sides
 * (the command then exits 2).
 */
export async function resolveDiffSides(ctx: CommandIO, flags: SideFlags): Promise<ResolvedSides | undefined> {
  const en = ctx.lang === 'en';
  const na = flags.a === undefined ? undefined : classify(ctx.cwd, flags.a);
  const nb = flags.b === undefined ? undefined : classify(ctx.cwd, flags.b);
  if (keyOf(na) === keyOf(nb) && (flags.bOn === undefined || flags.bOn === flags.on)) {
    ctx.err(en
      ? 'Nothing to compare: both sides use the same rulesets on the same dates.\nName a different ruleset or date for side B, e.g.: llct diff --cadres cadres.csv --level intermediate --mode part-time --on 2024-03-01 --b 350-qd-tw\nSee: llct diff --help\n'
      : 'Không có gì để so sánh: hai bên dùng cùng bộ quy tắc, cùng ngày.\nHãy nêu bộ quy tắc hoặc ngày khác cho bên B, ví dụ: llct diff --cadres can-bo.csv --level intermediate --mode part-time --on 2024-03-01 --b 350-qd-tw\nXem: llct diff --help\n');
    return undefined;
  }
  const a = await side(ctx, 'a', na, undefined, flags);
  if (!a) return undefined;
  const b = await side(ctx, 'b', nb, flags.bOn, flags);
  if (!b) return undefined;
  // Two names, one content (a copy of a shipped file, the same file by two paths): still nothing to compare.
  if (a.ruleset !== undefined && b.ruleset !== undefined && (flags.bOn === undefined || flags.bOn === flags.on)
    && JSON.stringify(a.ruleset) === JSON.stringify(b.ruleset)) {
    ctx.err(en
      ? `Nothing to compare: --a ${flags.a} and --b ${flags.b} are the same ruleset (identical content), applied on the same dates.\nSee: llct diff --help\n`
      : `Không có gì để so sánh: --a ${flags.a} và --b ${flags.b} là cùng một bộ quy tắc (nội dung giống hệt), áp dụng cùng ngày.\nXem: llct diff --help\n`);
    return undefined;
  }
  return { a: a.side, b: b.side, headers: { a: a.header, b: b.header } };
}

async function side(ctx: CommandIO, name: 'a' | 'b', named: Named | undefined, on: string | undefined, flags: SideFlags) {
  const spec: DiffSideSpec = { evaluator: flags.evaluator, ...(on !== undefined ? { on } : {}) };
  if (named?.kind === 'id') spec.ruleset = named.id;
  if (named?.kind === 'file') {
    const loaded = await loadRulesetFiles(ctx.cwd, [named.name]);
    for (const d of loaded.diagnostics) if (d.severity !== 'info') ctx.err(`${formatDiagnostic(d, ctx.lang)}\n`);
    if (!loaded.ok) return undefined;
    spec.ruleset = loaded.rulesets[0]!;
    spec.source = named.name;
  }
  if (named === undefined && !dateHasRegulation(ctx, name, on ?? flags.on, on !== undefined)) return undefined;
  const made = createDiffSide(spec, builtinDocuments(), flags.on);
  if (!made.ok) {
    const d = made.diagnostic;
    ctx.err(`${formatDiagnostic({ ...d, message: `--${name}: ${d.message}`, messageEn: `--${name}: ${d.messageEn}` }, ctx.lang)}\n`);
    return undefined;
  }
  const label = made.side.label;
  const header: SideHeader = {
    label: ctx.lang === 'en' ? label.en : label.vi, labelEn: label.en,
    ...(named ? { ruleset: named.kind === 'id' ? named.id : named.name } : {}),
    ...(on !== undefined ? { on } : {}),
  };
  const ruleset = typeof spec.ruleset === 'string' ? builtinDocuments().rulesets.find((r) => r.id === spec.ruleset) : spec.ruleset;
  return { side: made.side, header, ruleset };
}

/** A side that follows the regulation in force needs one on its fixed date (as `llct check --on` does). */
function dateHasRegulation(ctx: CommandIO, name: 'a' | 'b', on: string | undefined, own: boolean): boolean {
  if (on === undefined) return true;
  const s = selectRuleset(builtinDocuments().rulesets, on);
  if (s.ok) return true;
  const flag = own ? `--${name}-on` : '--on';
  const d = s.diagnostic;
  ctx.err(`${formatDiagnostic({ ...d, message: `${flag} ${formatDate(on)} (bên ${name.toUpperCase()}): ${d.message}`, messageEn: `${flag} ${formatDate(on)} (side ${name.toUpperCase()}): ${d.messageEn}` }, ctx.lang)}\n`);
  return false;
}
