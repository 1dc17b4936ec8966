/**
 * A lifecycle parameter's value: one number, or a table by training level and mode (an empty cell: the parameter does
 * not apply there), with the cells the document marks as assumed flagged. Each change writes the whole value through
 * `onChange` (one history entry per parameter while typing).
 */
import { LABELS, MODES, TRAINING_LEVELS } from '../../engine/documents/enums.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { text } from '../i18n/text.ts';
import '../i18n/lifecycleStrings.ts';

type Table = Record<string, Record<string, number>>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);
const levelLabels = LABELS.theoryLevel as Record<string, { vi: string; en: string }>;
const modeLabels = LABELS.mode as Record<string, { vi: string; en: string }>;

export function ParameterValueField({ inputId, name, title, value, assumedCells, onChange, lang }: {
  /** The id of the number input, for the caller's label. */
  inputId: string; name: string; title: string; value: unknown; assumedCells: readonly string[]; onChange(value: unknown): void; lang: Lang;
}) {
  if (typeof value === 'number' || !isTable(value)) {
    return (
      <input id={inputId} type="number" data-testid="parameter-value" value={typeof value === 'number' ? value : ''}
        onChange={(e) => { if (e.target.value !== '' && Number.isFinite(Number(e.target.value))) onChange(Number(e.target.value)); }} />
    );
  }
  const setCell = (level: string, mode: string, text: string) => {
    const next: Table = structuredClone(value);
    if (text === '') {
      if (next[level]) delete next[level][mode];
      if (next[level] && Object.keys(next[level]).length === 0) delete next[level];
    } else if (Number.isFinite(Number(text))) {
      next[level] = { ...next[level], [mode]: Number(text) };
    } else return;
    onChange(next);
  };
  return (
    <table className="lc-param-table" data-testid="parameter-table" data-name={name}>
      <caption className="visually-hidden">{title} — {text(lang, 'lifecycle.byLevelMode')}</caption>
      <thead>
        <tr><th scope="col">{text(lang, 'lifecycle.level')}</th>{MODES.map((m) => <th key={m} scope="col">{modeLabels[m]![lang]}</th>)}</tr>
      </thead>
      <tbody>
        {TRAINING_LEVELS.map((level) => (
          <tr key={level}>
            <th scope="row">{levelLabels[level]![lang]}</th>
            {MODES.map((mode) => {
              const cell = value[level]?.[mode];
              const assumed = assumedCells.includes(`${level}/${mode}`);
              return (
                <td key={mode}>
                  <input type="number" className="lc-param-cell" data-testid={`parameter-cell-${level}-${mode}`} value={cell ?? ''} placeholder="—"
                    title={text(lang, 'lifecycle.clearCell')}
                    aria-label={`${title}: ${levelLabels[level]![lang]}, ${modeLabels[mode]![lang]}${assumed ? ` (${text(lang, 'lifecycle.assumed')})` : ''}`}
                    onChange={(e) => setCell(level, mode, e.target.value)} />
                  {assumed && <span className="badge badge-assumed" title={text(lang, 'lifecycle.assumed')} aria-hidden="true">⚠</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
