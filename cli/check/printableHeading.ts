/**
 * The heading block `llct check --format html` prints above the list: the issuing body and the signer by their usual
 * titles, the subject from the nomination flags, the date of the nomination (`--on`) or else today, and the place and
 * the number left as dots for the clerk to fill in by hand (the command has no options for them: the page's "In danh
 * sách" form sets them).
 */
import { LABELS, type Label } from '../../engine/documents/enums.ts';
import type { PrintableHeading } from '../../engine/report/renderPrintableList.ts';
import type { NominationDefaults } from '../runCheck.ts';

const WORDS = {
  issuingBody: { vi: 'BAN TỔ CHỨC', en: 'ORGANISATION COMMISSION' },
  signer: { vi: 'TRƯỞNG BAN', en: 'HEAD OF THE COMMISSION' },
  place: { vi: '……', en: '……' },
  subject: { vi: 'cán bộ cử đi học lý luận chính trị', en: 'cadres nominated for political-theory training' },
} satisfies Record<string, Label>;

/** `today` (ISO) is the date when no `--on` is given; the caller reads the clock. */
export function printableHeading(lang: 'vi' | 'en', defaults: NominationDefaults, today = ''): PrintableHeading {
  const level = defaults.level ? LABELS.theoryLevel[defaults.level][lang].toLowerCase() : undefined;
  const mode = defaults.mode ? LABELS.mode[defaults.mode][lang].toLowerCase() : undefined;
  const subject = level === undefined ? WORDS.subject[lang]
    : lang === 'en' ? `cadres nominated for ${level} political-theory training${mode ? `, ${mode}` : ''}`
      : `cán bộ cử đi học ${level} lý luận chính trị${mode ? `, hệ ${mode}` : ''}`;
  return {
    issuingBody: WORDS.issuingBody[lang], place: WORDS.place[lang], date: defaults.on ?? today, subject,
    signer: { title: WORDS.signer[lang] },
  };
}
