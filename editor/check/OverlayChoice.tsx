/** The check page's choice of a provincial overlay (the workspace's imported overlays), with where it applies. */
import { useId } from 'react';
import type { Overlay } from '../../engine/documents/overlay.ts';
import type { Lang } from '../i18n/strings.ts';
import { text } from '../i18n/text.ts';
import { recordsOfType, type RecordId, type Records } from '../workspace/records.ts';

export interface OverlayChoiceProps {
  records: Records;
  value: RecordId;
  onChange: (id: RecordId) => void;
  /** The overlay applied (absent: none chosen, or not usable). */
  applied?: Overlay | undefined;
  unusable: boolean;
  lang: Lang;
}

/** Nothing when the workspace has no overlay. */
export function OverlayChoice({ records, value, onChange, applied, unusable, lang }: OverlayChoiceProps) {
  const id = useId();
  const overlays = recordsOfType(records, 'overlay');
  if (overlays.length === 0) return null;
  const where = applied ? [applied.jurisdiction.province, applied.jurisdiction.agency].filter(Boolean).join(' · ') : '';
  return (
    <div className="card">
      <div className="field">
        <label htmlFor={id}>{text(lang, 'overlay.check')}</label>
        <select id={id} data-testid="check-overlay" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{text(lang, 'overlay.checkNone')}</option>
          {overlays.map((o) => <option key={o.id} value={o.id}>{String(o.doc.id)}</option>)}
        </select>
        {applied && (
          <span className="field-hint" data-testid="check-overlay-hint">
            {applied.illustrative && <strong>{text(lang, 'overlay.illustrative')}. </strong>}
            {text(lang, 'overlay.checkHint', { where })}
          </span>
        )}
        {unusable && <span className="field-error" role="alert">{text(lang, 'overlay.checkUnusable')}</span>}
      </div>
    </div>
  );
}
