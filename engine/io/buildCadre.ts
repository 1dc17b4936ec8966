/**
 * Builds and validates one cadre profile from raw values looked up by column (a CSV row or a JSON object). Objects
 * are built only from the column table's own keys, so no input key is ever assigned onto an object. Pure.
 *
 * Two paths give the same result. A well-formed row (every cell already in its canonical spelling, no problem)
 * takes the fast path: each cell is checked by hand and the profile is assembled directly in the shape the
 * `CadreProfile` schema outputs (same keys, same key order, same defaults). Any cell the fast path is not sure of
 * goes through `coerceField`, and any row with a problem goes through the schema too, which is what words the
 * diagnostics. test/io/buildCadreFastPath.test.ts holds the two paths to identical output.
 */
import { formatPath } from '../diagnostics/Diagnostic.ts';
import { CadreProfile, type Nomination } from '../documents/cadre.ts';
import { RATINGS } from '../documents/enums.ts';
import { CADRE_COLUMNS, type Column } from './cadreColumns.ts';
import { coerceField } from './coerceField.ts';
import { rowDiagnostic, type RowContext, type RowDiagnostic } from './rowDiagnostic.ts';

export interface BuiltCadre {
  /** Present when the row has no error. */
  profile?: CadreProfile;
  nomination?: Partial<Nomination>;
  diagnostics: RowDiagnostic[];
}

/**
 * `get` returns the raw value of a column (`undefined` when absent). `positions` holds the catalogue's codes:
 * `position` and `planning` must be among them when it is given.
 */
export function buildCadre(get: (column: Column) => unknown, ctx: RowContext, positions?: ReadonlySet<string>): BuiltCadre {
  const raw = new Array<unknown>(COLUMN_COUNT);
  for (let i = 0; i < COLUMN_COUNT; i++) raw[i] = get(CADRE_COLUMNS[i]!);
  return buildCadreFromValues(raw, ctx, positions);
}

/** As `buildCadre`, with the raw values in `CADRE_COLUMNS` order (`raw[i]` is the value of `CADRE_COLUMNS[i]`). */
export function buildCadreFromValues(raw: readonly unknown[], ctx: RowContext, positions?: ReadonlySet<string>): BuiltCadre {
  const row = coerceRow(raw, ctx, positions, true);
  if (!row.diagnostics) {
    const profile = shapeProfile(row.values);
    if (profile) {
      const nomination = profile.nomination;
      return nomination ? { profile, nomination, diagnostics: [] } : { profile, diagnostics: [] };
    }
  }
  return withSchema(row.values, ctx, row.diagnostics ?? [], row.reported ?? new Set());
}

/**
 * The full path only: every cell through `coerceField`, the profile through the `CadreProfile` schema. What the
 * fast path must equal (test/io/buildCadreFastPath.test.ts); not used for reading.
 */
export function buildCadreWithSchema(raw: readonly unknown[], ctx: RowContext, positions?: ReadonlySet<string>): BuiltCadre {
  const row = coerceRow(raw, ctx, positions, false);
  return withSchema(row.values, ctx, row.diagnostics ?? [], row.reported ?? new Set());
}

const COLUMN_COUNT = CADRE_COLUMNS.length;

/** Each cell coerced (by `quickValue` first when `quick`), with the problems of the cells that have any. */
function coerceRow(raw: readonly unknown[], ctx: RowContext, positions: ReadonlySet<string> | undefined, quick: boolean) {
  const values = new Array<unknown>(COLUMN_COUNT);
  let diagnostics: RowDiagnostic[] | undefined;
  let reported: Set<string> | undefined;
  for (let i = 0; i < COLUMN_COUNT; i++) {
    const column = CADRE_COLUMNS[i]!;
    const r = raw[i];
    let value = quick ? quickValue(column, r, positions) : UNSURE;
    if (value === UNSURE) {
      const c = coerceField(column, r, positions);
      if (c.issues.length > 0) {
        diagnostics ??= [];
        reported ??= new Set();
        for (const issue of c.issues) diagnostics.push(rowDiagnostic(ctx, issue.code, 'error', column.name, { vi: issue.vi, en: issue.en }, issue.hint));
        reported.add(column.name);
        continue;
      }
      value = c.value;
    }
    if (value === undefined) {
      if (column.required) {
        diagnostics ??= [];
        reported ??= new Set();
        diagnostics.push(rowDiagnostic(ctx, 'cadre/missing-field', 'error', column.name,
          { vi: 'thiếu trường bắt buộc', en: 'required field is missing' }, { vi: `Điền "${column.name}" cho hàng này.`, en: `Fill in "${column.name}" for this row.` }));
        reported.add(column.name);
      }
      continue;
    }
    values[i] = value;
  }
  return { values, diagnostics, reported };
}

/** The schema path: the values (coerced, problems already reported) checked by `CadreProfile`. */
function withSchema(values: readonly unknown[], ctx: RowContext, diagnostics: RowDiagnostic[], reported: ReadonlySet<string>): BuiltCadre {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < COLUMN_COUNT; i++) if (values[i] !== undefined) setPath(out, CADRE_COLUMNS[i]!.path, values[i]);
  const parsed = CadreProfile.safeParse(out);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = formatPath(issue.path);
      if ([...reported].some((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`))) continue;
      diagnostics.push(rowDiagnostic(ctx, 'cadre/schema', 'error', field, { vi: `giá trị không hợp lệ: ${issue.message}`, en: `invalid value: ${issue.message}` }));
    }
  }
  if (diagnostics.some((d) => d.severity === 'error') || !parsed.success) return { diagnostics };
  const profile = parsed.data;
  const nomination = profile.nomination;
  return nomination && Object.keys(nomination).length > 0 ? { profile, nomination, diagnostics } : { profile, diagnostics };
}

/** Sets a value at a path of keys taken from the column table (never from input). */
function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = cur[key];
    if (typeof next !== 'object' || next === null) { next = {}; cur[key] = next; }
    cur = next as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = value;
}

/** "Ask `coerceField`": the quick check does not know this value. */
const UNSURE: unique symbol = Symbol('unsure');

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The value `coerceField` would give, for the common spellings only: `undefined` for an absent cell, `UNSURE`
 * whenever the cell needs more than a trim-free exact match (the full path then decides, and words any problem).
 */
function quickValue(column: Column, raw: unknown, positions: ReadonlySet<string> | undefined): unknown {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const spec = column.spec;
  if (typeof raw !== 'string') return typeof raw === 'boolean' && spec.type === 'boolean' ? raw : UNSURE;
  if (spec.type === 'string') {
    const text = raw.trim();
    return text === '' ? undefined : text;
  }
  // Anything but plain ASCII at either end (white space to trim, a label such as "nữ"): the full path decides.
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (first <= 32 || last <= 32 || first > 126 || last > 126) return UNSURE;
  switch (spec.type) {
    case 'date':
      return isStrictIsoDate(raw) ? raw : UNSURE;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : UNSURE;
    case 'enum':
      return spec.values.includes(raw) ? raw : UNSURE;
    case 'position':
      return positions !== undefined && positions.has(raw) ? raw : UNSURE;
    case 'positions':
      return quickPlanning(raw, positions);
    case 'ratings':
      return quickRatings(raw);
  }
}

/** A list cell split on `;` or `|`; `undefined` when an item is empty (the full path drops it) or spaced. */
function listItems(raw: string): string[] | undefined {
  const items: string[] = [];
  let from = 0;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 59;
    if (c !== 59 && c !== 124) continue;
    if (i === from) return undefined;
    items.push(raw.slice(from, i));
    from = i + 1;
  }
  return items;
}

/** `head-of-division;deputy-director`: every item a catalogue code, written exactly. */
function quickPlanning(raw: string, positions: ReadonlySet<string> | undefined): unknown {
  if (positions === undefined) return UNSURE;
  const items = listItems(raw);
  if (!items) return UNSURE;
  for (const item of items) if (!positions.has(item)) return UNSURE;
  return items;
}

const RATING_WORDS: ReadonlySet<string> = new Set(RATINGS);

/** `2022:good;2023:excellent`: every item a four-digit year from 1950 to 2200, a colon and a rating value. */
function quickRatings(raw: string): unknown {
  const items = listItems(raw);
  if (!items) return UNSURE;
  const out: { year: number; rating: string }[] = [];
  for (const item of items) {
    if (item.length < 6 || item.charCodeAt(4) !== 58) return UNSURE;
    let year = 0;
    for (let i = 0; i < 4; i++) {
      const d = item.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return UNSURE;
      year = year * 10 + d;
    }
    const rating = item.slice(5);
    if (year < 1950 || year > 2200 || !RATING_WORDS.has(rating)) return UNSURE;
    out.push({ year, rating });
  }
  return out;
}

/** `YYYY-MM-DD` that `normalizeDate` returns unchanged: the strict form, a year 1900–2200, a day that exists. */
function isStrictIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    n = n * 10 + d;
  }
  const year = Math.floor(n / 10000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

const enum C {
  id, fullName, sex, birthDate, ethnicMinority, difficultArea, partyStatus, partyJoinedOn, partyFullOn, education,
  politicalTheory, tier, province, sector, agency, position, planning, grade, gradeSince, candidatePool,
  teachingSince, ratings, nomLevel, nomMode, nomOn, nomOnRequest, decisionWaives, decisionBy, decisionNumber, decisionOn,
}

/**
 * What `CadreProfile.parse` returns for these coerced values, built directly; `undefined` when a value is one the
 * schema might refuse (the caller then asks the schema). Key order and defaults follow the schema's output.
 */
function shapeProfile(v: readonly unknown[]): CadreProfile | undefined {
  const position = v[C.position];
  if (position !== undefined && !(typeof position === 'string' && CODE.test(position))) return undefined;
  const planning = v[C.planning];
  if (planning !== undefined) {
    if (!Array.isArray(planning)) return undefined;
    for (const p of planning) if (!(typeof p === 'string' && CODE.test(p))) return undefined;
  }
  const ratings = v[C.ratings];
  if (ratings !== undefined && !Array.isArray(ratings)) return undefined;
  // A special decision is rare and all-or-nothing: the schema checks it and names any missing field.
  if (v[C.decisionWaives] !== undefined || v[C.decisionBy] !== undefined || v[C.decisionNumber] !== undefined || v[C.decisionOn] !== undefined) return undefined;

  const p: Record<string, unknown> = { id: v[C.id] };
  if (v[C.fullName] !== undefined) p.fullName = v[C.fullName];
  p.sex = v[C.sex];
  p.birthDate = v[C.birthDate];
  p.ethnicMinority = v[C.ethnicMinority] ?? false;
  p.difficultArea = v[C.difficultArea] ?? false;
  const party: Record<string, unknown> = { status: v[C.partyStatus] ?? 'none' };
  if (v[C.partyJoinedOn] !== undefined) party.joinedOn = v[C.partyJoinedOn];
  if (v[C.partyFullOn] !== undefined) party.fullOn = v[C.partyFullOn];
  p.party = party;
  p.education = v[C.education];
  p.politicalTheory = v[C.politicalTheory] ?? 'none';
  const workplace: Record<string, unknown> = {};
  if (v[C.tier] !== undefined) workplace.tier = v[C.tier];
  if (v[C.province] !== undefined) workplace.province = v[C.province];
  if (v[C.sector] !== undefined) workplace.sector = v[C.sector];
  if (v[C.agency] !== undefined) workplace.agency = v[C.agency];
  p.workplace = workplace;
  if (position !== undefined) p.position = position;
  p.planning = planning ?? [];
  const civilService: Record<string, unknown> = {};
  if (v[C.grade] !== undefined) civilService.grade = v[C.grade];
  if (v[C.gradeSince] !== undefined) civilService.since = v[C.gradeSince];
  civilService.candidatePool = v[C.candidatePool] ?? false;
  p.civilService = civilService;
  if (v[C.teachingSince] !== undefined) p.lecturer = { teachingSince: v[C.teachingSince] };
  p.ratings = ratings ?? [];
  if (v[C.nomLevel] !== undefined || v[C.nomMode] !== undefined || v[C.nomOn] !== undefined || v[C.nomOnRequest] !== undefined) {
    const nomination: Record<string, unknown> = {};
    if (v[C.nomLevel] !== undefined) nomination.level = v[C.nomLevel];
    if (v[C.nomMode] !== undefined) nomination.mode = v[C.nomMode];
    if (v[C.nomOn] !== undefined) nomination.on = v[C.nomOn];
    if (v[C.nomOnRequest] !== undefined) nomination.onRequest = v[C.nomOnRequest];
    p.nomination = nomination;
  }
  return p as CadreProfile;
}

// The positions above are the column table's order; a change there must be made here too.
const EXPECTED = [
  'id', 'fullName', 'sex', 'birthDate', 'ethnicMinority', 'difficultArea', 'party.status', 'party.joinedOn', 'party.fullOn',
  'education', 'politicalTheory', 'workplace.tier', 'workplace.province', 'workplace.sector', 'workplace.agency', 'position',
  'planning', 'civilService.grade', 'civilService.since', 'civilService.candidatePool', 'lecturer.teachingSince', 'ratings',
  'nomination.level', 'nomination.mode', 'nomination.on', 'nomination.onRequest', 'nomination.specialDecision.waives',
  'nomination.specialDecision.decidedBy', 'nomination.specialDecision.number', 'nomination.specialDecision.on',
];
if (CADRE_COLUMNS.map((c) => c.name).join() !== EXPECTED.join()) throw new Error('buildCadre: CADRE_COLUMNS changed; update the fast path');
