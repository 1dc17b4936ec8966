/**
 * Checks an incoming event against its lifecycle document before it reaches the machine: the event type must be
 * declared, `at` must be a real ISO date, and the payload fields must have the declared types. A learner profile
 * is parsed with the cadre-profile schema (defaults filled in). Unknown fields are refused (a misspelt
 * `learnerID` is not silently dropped) unless `allowExtra`.
 */
import { closest } from '../diagnostics/Diagnostic.ts';
import { CadreProfile } from '../documents/cadre.ts';
import { normalizeDate } from '../documents/dates.ts';
import { Mode, TrainingLevel } from '../documents/enums.ts';
import type { Lifecycle, PayloadField } from '../documents/lifecycle.ts';
import type { LifecycleEvent } from './context.ts';
import { reason, type Reason } from './types.ts';
import { own } from '../documents/own.ts';

export type EventCheck = { ok: true; event: LifecycleEvent } | { ok: false; reason: Reason };

const bad = (vi: string, en: string): EventCheck => ({ ok: false, reason: reason('lifecycle/bad-payload', { vi, en }) });

export function validateEvent(doc: Lifecycle, raw: unknown, options: { allowExtra?: boolean } = {}): EventCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return bad('Sự kiện phải là một đối tượng JSON có "type" và "at".', 'An event must be a JSON object with "type" and "at".');
  }
  const e = raw as Record<string, unknown>;
  const type = typeof e.type === 'string' ? e.type : '';
  const def = own(doc.events, type);
  if (!def) {
    const guess = closest(type, Object.keys(doc.events));
    return { ok: false, reason: reason('lifecycle/unknown-event',
      { vi: `Quy trình "${doc.id}" không có sự kiện "${type}".${guess ? ` Có phải "${guess}"?` : ''}`, en: `Lifecycle "${doc.id}" has no event "${type}".${guess ? ` Did you mean "${guess}"?` : ''}` }) };
  }
  const at = typeof e.at === 'string' ? e.at : '';
  if (normalizeDate(at) !== at) {
    return { ok: false, reason: reason('lifecycle/bad-date', { vi: `${type}: "at" phải là ngày có thật dạng YYYY-MM-DD, nhận "${String(e.at ?? '')}".`, en: `${type}: "at" must be a real date as YYYY-MM-DD, got "${String(e.at ?? '')}".` }) };
  }
  const out: LifecycleEvent = { type, at };
  for (const [name, value] of Object.entries(e)) {
    if (name === 'type' || name === 'at') continue;
    const field = own(def.payload, name);
    if (!field) {
      if (options.allowExtra) { out[name] = value; continue; }
      const guess = closest(name, Object.keys(def.payload));
      return bad(`${type}: trường "${name}" không có trong khai báo sự kiện.${guess ? ` Có phải "${guess}"?` : ''}`,
        `${type}: field "${name}" is not declared for this event.${guess ? ` Did you mean "${guess}"?` : ''}`);
    }
    const checked = checkField(type, name, field, value);
    if ('error' in checked) return checked.error;
    out[name] = checked.value;
  }
  for (const [name, field] of Object.entries(def.payload)) {
    if (field.required && out[name] === undefined) {
      return bad(`${type}: thiếu trường bắt buộc "${name}" (${field.label.vi}).`, `${type}: required field "${name}" (${field.label.en}) is missing.`);
    }
  }
  return { ok: true, event: out };
}

function checkField(type: string, name: string, field: PayloadField, value: unknown): { value: unknown } | { error: EventCheck } {
  const fail = (vi: string, en: string) => ({ error: bad(`${type}: trường "${name}" ${vi}`, `${type}: field "${name}" ${en}`) });
  switch (field.type) {
    case 'string':
      return typeof value === 'string' && value.trim() !== '' ? { value } : fail('phải là chuỗi không rỗng.', 'must be a non-empty string.');
    case 'boolean':
      return typeof value === 'boolean' ? { value } : fail('phải là true/false.', 'must be true or false.');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : fail('phải là một số.', 'must be a number.');
    case 'percent':
      return typeof value === 'number' && value >= 0 && value <= 100 ? { value } : fail(`phải là số từ 0 đến 100, nhận ${JSON.stringify(value)}.`, `must be a number from 0 to 100, got ${JSON.stringify(value)}.`);
    case 'date': {
      const iso = typeof value === 'string' ? normalizeDate(value) : undefined;
      return iso === value ? { value } : fail('phải là ngày có thật dạng YYYY-MM-DD.', 'must be a real date as YYYY-MM-DD.');
    }
    case 'level':
      return TrainingLevel.safeParse(value).success ? { value } : fail(`phải là một trong: ${TrainingLevel.options.join(', ')}.`, `must be one of: ${TrainingLevel.options.join(', ')}.`);
    case 'mode':
      return Mode.safeParse(value).success ? { value } : fail(`phải là một trong: ${Mode.options.join(', ')}.`, `must be one of: ${Mode.options.join(', ')}.`);
    case 'scores': {
      const ok = Array.isArray(value) && value.length >= 1 && value.length <= 10
        && value.every((s) => typeof s === 'number' && s >= 0 && s <= 10);
      return ok ? { value } : fail('phải là danh sách 1–10 điểm, mỗi điểm từ 0 đến 10.', 'must be a list of 1–10 scores, each from 0 to 10.');
    }
    case 'profile': {
      const p = CadreProfile.safeParse(value);
      if (p.success) return { value: p.data };
      const issues = p.error.issues.map((i) => `${i.path.join('.') || '(hồ sơ)'}: ${i.message}`).join('; ');
      return fail(`không phải hồ sơ cán bộ hợp lệ: ${issues}.`, `is not a valid cadre profile: ${issues}.`);
    }
  }
}
