/**
 * The CSV column layout of a cadre profile (shared/domain/contracts.md): one column per contract field, nested
 * fields dotted. The reader and the writer both walk this table, so what `cadresToCsv` writes `readCadresFromText`
 * reads back.
 *
 * Cell rules:
 * - an empty cell means the field is absent (the schema's default applies);
 * - booleans: `true`/`false`, `1`/`0`, `có`/`không` (also `yes`/`no`), case-insensitive;
 * - dates: ISO `YYYY-MM-DD` or `DD/MM/YYYY`, normalised to ISO;
 * - lists (`planning`, `ratings`): items separated by `;` or `|`. In a semicolon-delimited file a cell holding
 *   `a;b` must be quoted (`"a;b"`, standard CSV) or written `a|b`; both are read the same way. Ratings are
 *   `year:rating` items: `2023:good;2024:excellent`.
 */
import {
  CIVIL_SERVICE_GRADES, EDUCATION_LEVELS, LABELS, MODES, PARTY_STATUSES, SECTORS, SEXES, THEORY_LEVELS, TRAINING_LEVELS,
  WORKPLACE_TIERS, type Label,
} from '../documents/enums.ts';

export type ColumnType =
  | { type: 'string' }
  | { type: 'date' }
  | { type: 'boolean' }
  /** `labels`: the Vietnamese and English labels of each value, also accepted in input (`nữ`, `đại học`). */
  | { type: 'enum'; values: readonly string[]; labels: Readonly<Record<string, Label>> }
  | { type: 'position' }
  | { type: 'positions' }
  | { type: 'ratings' };

export interface Column {
  /** Dotted field name, also the CSV header. */
  name: string;
  /** Path into the profile object. */
  path: readonly string[];
  spec: ColumnType;
  required?: boolean;
}

const col = (name: string, spec: ColumnType, required = false): Column =>
  ({ name, path: name.split('.'), spec, ...(required ? { required } : {}) });

const str = { type: 'string' } as const;
const date = { type: 'date' } as const;
const bool = { type: 'boolean' } as const;
const oneOf = (values: readonly string[], labels: Readonly<Record<string, Label>>) => ({ type: 'enum', values, labels }) as const;

/** Every column, in the order the writer emits them. */
export const CADRE_COLUMNS: readonly Column[] = [
  col('id', str, true),
  col('fullName', str),
  col('sex', oneOf(SEXES, LABELS.sex), true),
  col('birthDate', date, true),
  col('ethnicMinority', bool),
  col('difficultArea', bool),
  col('party.status', oneOf(PARTY_STATUSES, LABELS.partyStatus)),
  col('party.joinedOn', date),
  col('party.fullOn', date),
  col('education', oneOf(EDUCATION_LEVELS, LABELS.education), true),
  col('politicalTheory', oneOf(THEORY_LEVELS, LABELS.theoryLevel)),
  col('workplace.tier', oneOf(WORKPLACE_TIERS, LABELS.workplaceTier)),
  col('workplace.province', str),
  col('workplace.sector', oneOf(SECTORS, LABELS.sector)),
  col('workplace.agency', str),
  col('position', { type: 'position' }),
  col('planning', { type: 'positions' }),
  col('civilService.grade', oneOf(CIVIL_SERVICE_GRADES, LABELS.civilServiceGrade)),
  col('civilService.since', date),
  col('civilService.candidatePool', bool),
  col('lecturer.teachingSince', date),
  col('ratings', { type: 'ratings' }),
  col('nomination.level', oneOf(TRAINING_LEVELS, LABELS.theoryLevel)),
  col('nomination.mode', oneOf(MODES, LABELS.mode)),
  col('nomination.on', date),
  col('nomination.onRequest', bool),
  // A recorded special decision (optional; all four together): see `SpecialDecision` in documents/cadre.ts.
  col('nomination.specialDecision.waives', str),
  col('nomination.specialDecision.decidedBy', str),
  col('nomination.specialDecision.number', str),
  col('nomination.specialDecision.on', date),
];

export const COLUMN_BY_NAME: ReadonlyMap<string, Column> = new Map(CADRE_COLUMNS.map((c) => [c.name, c]));

/** Separators accepted between list items inside one cell. */
export const LIST_SEPARATORS = /[;|]/;

const TRUE_WORDS = new Set(['true', '1', 'có', 'co', 'yes', 'x']);
const FALSE_WORDS = new Set(['false', '0', 'không', 'khong', 'no']);

/** Reads a boolean cell; `undefined` when the text is not one of the accepted words. */
export function parseBooleanCell(text: string): boolean | undefined {
  const t = text.trim().toLowerCase().normalize('NFC');
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

/** Splits a list cell on `;` or `|`, trimming items and dropping empty ones. */
export function splitListCell(text: string): string[] {
  return text.split(LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
}
