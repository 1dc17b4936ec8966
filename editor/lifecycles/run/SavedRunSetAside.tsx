/** The saved class run that did not read, set aside with its reasons: export it, or drop it (a copy is downloaded first). */
import type { Lang } from '../../../engine/rules/messages.ts';
import { downloadText } from '../../shared/downloadText.ts';
import { partName } from '../../i18n/setAsideStrings.ts';
import type { SetAsidePart } from '../../workspace/readWorkspace.ts';
import { SetAsidePanel, setAsideFileName, setAsideFileText } from '../../shared/SetAsidePanel.tsx';
import { dropSavedRun } from './savedRun.ts';
import { text } from '../../i18n/text.ts';

const exportPart = (part: SetAsidePart) => downloadText(setAsideFileText(part), setAsideFileName(part), 'application/json;charset=utf-8');

export function SavedRunSetAside({ part, lang, onDone, onFailed }: { part: SetAsidePart; lang: Lang; onDone(text: string): void; onFailed(text: string): void }) {
  const drop = async () => {
    const name = partName(lang, part.kind, part.id);
    if (!window.confirm(text(lang, 'setAside.dropConfirm', { part: name }))) return;
    exportPart(part);
    const r = await dropSavedRun();
    if (r.ok) onDone(text(lang, 'setAside.dropped', { part: name }));
    else onFailed(r.error.message[lang]);
  };
  return <SetAsidePanel parts={[part]} lang={lang} title={text(lang, 'setAside.savedRunTitle')} onExport={exportPart} onDrop={() => { void drop(); }} />;
}
