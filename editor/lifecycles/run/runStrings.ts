/** The class run panel's words, Vietnamese first. */
import type { Label } from '../../../engine/documents/enums.ts';
import { fillText } from '../../i18n/fillText.ts';
import type { Lang } from '../../../engine/rules/messages.ts';

export const RUN_STRINGS = {
  title: { vi: 'Chạy thử một lớp', en: 'Run a class' },
  blocked: { vi: 'Quy trình có lỗi nên chưa chạy thử được; sửa các lỗi trong danh sách.', en: 'The lifecycle has errors, so it cannot run yet; fix the errors listed.' },
  start: { vi: 'Bắt đầu một lớp', en: 'Start a class' },
  restart: { vi: 'Bắt đầu lại', en: 'Start again' },
  save: { vi: 'Lưu lượt chạy', en: 'Save the run' },
  resume: { vi: 'Mở lượt chạy đã lưu', en: 'Resume the saved run' },
  replay: { vi: 'Phát lại từ đầu', en: 'Replay from the start' },
  export: { vi: 'Xuất sự kiện (JSON)', en: 'Export events (JSON)' },
  saved: { vi: 'Đã lưu lượt chạy ({n} sự kiện) trong trình duyệt.', en: 'Run saved in the browser ({n} events).' },
  saveFailed: { vi: 'Không lưu/đọc được lượt chạy:', en: 'The run could not be saved or read:' },
  saveBlockedBySetAside: { vi: 'Chưa lưu: lượt chạy đã lưu trước đó không đọc được và đang được để riêng. Hãy xuất hoặc bỏ nó trước.', en: 'Not saved: the run saved before does not read and is set aside. Export or drop it first.' },
  resumeFailed: { vi: 'Không chạy lại được lượt đã lưu trên các quy trình hiện tại.', en: 'The saved run could not be replayed on the current lifecycles.' },
  nothingSaved: { vi: 'Chưa có lượt chạy nào được lưu.', en: 'No run has been saved.' },
  resumed: { vi: 'Đã mở lại lượt chạy ({n} sự kiện), cùng kết quả như khi lưu.', en: 'Run resumed ({n} events), same result as when saved.' },
  resumedDifferent: { vi: 'Đã mở lại, nhưng quy trình đã sửa nên kết quả khác: khi lưu ở "{before}", nay ở "{after}".', en: 'Resumed, but the lifecycle was edited and the result differs: "{before}" when saved, "{after}" now.' },
  replaySame: { vi: 'Phát lại các sự kiện cho cùng kết quả ("{state}").', en: 'Replaying the events gives the same result ("{state}").' },
  replayDifferent: { vi: 'Phát lại với quy trình hiện tại cho kết quả khác: "{before}" → "{after}".', en: 'Replaying with the current lifecycle gives another result: "{before}" → "{after}".' },
  replayedOnEdit: { vi: 'Quy trình hoặc quy tắc vừa sửa: đã chạy lại {n} sự kiện của lớp trên bản mới.', en: 'The lifecycle or the rules changed: the class\'s {n} events were replayed on the new version.' },
  now: { vi: 'Lớp đang ở', en: 'The class is in' },
  lastAt: { vi: 'sự kiện gần nhất ngày', en: 'last event on' },
  noEvents: { vi: 'Trạng thái kết thúc: không còn sự kiện nào.', en: 'Final state: no more events.' },
  sendEvent: { vi: 'Gửi sự kiện', en: 'Send an event' },
  event: { vi: 'Sự kiện (được phép ở trạng thái này)', en: 'Event (allowed in this state)' },
  at: { vi: 'Ngày', en: 'Date' },
  send: { vi: 'Gửi', en: 'Send' },
  learners: { vi: 'Học viên', en: 'Learners' },
  noLearners: { vi: 'Chưa có học viên.', en: 'No learners yet.' },
  learner: { vi: 'Mã', en: 'Id' },
  state: { vi: 'Trạng thái', en: 'State' },
  result: { vi: 'Kết quả', en: 'Result' },
  timeline: { vi: 'Diễn biến', en: 'Timeline' },
  refusedCount: { vi: '{n} sự kiện bị từ chối (vẫn có trong tệp xuất, như llct lifecycle replay).', en: '{n} events refused (kept in the exported file, as llct lifecycle replay expects).' },
  timelineAll: { vi: 'Xem cả {n} mục', en: 'Show all {n} entries' },
  timelineLatest: { vi: 'Chỉ xem {n} mục mới nhất', en: 'Show only the latest {n}' },
  bulkTitle: { vi: 'Cử nhiều cán bộ một lúc', en: 'Nominate many cadres at once' },
  bulkSource: { vi: 'Danh sách: {file}, {n} cán bộ đọc được.', en: 'List: {file}, {n} cadres read.' },
  bulkInvalid: { vi: '{n} hàng không đọc được (không cử).', en: '{n} rows could not be read (not nominated).' },
  bulkFile: { vi: 'Hoặc chọn tệp danh sách (CSV, JSON)', en: 'Or pick a list file (CSV, JSON)' },
  bulkCount: { vi: 'Số cán bộ cử (từ đầu danh sách)', en: 'Cadres to nominate (from the top of the list)' },
  bulkSend: { vi: 'Cử {n} cán bộ', en: 'Nominate {n} cadres' },
  everyLearner: { vi: 'Gửi cho mọi học viên đang nhận được sự kiện này ({n})', en: 'Send to every learner who can take this event ({n})' },
  batchDone: { vi: 'Đã gửi {n} sự kiện: {ok} được nhận, {refused} bị từ chối.', en: '{n} events sent: {ok} accepted, {refused} refused.' },
} as const satisfies Record<string, Label>;

/** @deprecated Read `text(lang, 'run.<key>', vars)` from editor/i18n/text.ts. */
export function rt(lang: Lang, key: keyof typeof RUN_STRINGS, vars: Record<string, string | number> = {}): string {
  return fillText(RUN_STRINGS[key], lang, vars);
}
