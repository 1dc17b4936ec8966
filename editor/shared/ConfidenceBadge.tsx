/** The confidence of a rule as a small coloured badge; `assumed` reads as a warning. */
import type { Confidence } from '../../engine/documents/enums.ts';
import { LABELS } from '../../engine/documents/enums.ts';
import type { Lang } from '../i18n/strings.ts';
import { text } from '../i18n/text.ts';

export function ConfidenceBadge({ confidence, lang }: { confidence: Confidence; lang: Lang }) {
  return (
    <span className={`badge badge-${confidence}`} data-testid="confidence" data-confidence={confidence} title={text(lang, 'page.confidence')}>
      {confidence === 'assumed' ? '⚠ ' : ''}{LABELS.confidence[confidence][lang]}
    </span>
  );
}
