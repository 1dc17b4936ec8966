import { z } from 'zod/mini';
import type { LifecycleSubject } from '../documents/lifecycle.ts';
import type { ActionSpec } from './types.ts';

/** `stampDate { name }`: records the event's date under `name` (read later by date guards such as monthsSince). */
export function stampDate<C extends { dates: Record<string, string> }>(subject: LifecycleSubject): ActionSpec<C> {
  return {
    subject,
    label: { vi: 'Ghi ngày', en: 'Stamp the date' },
    description: { vi: 'Ghi ngày của sự kiện vào mốc đã nêu.', en: "Records the event's date under the given name." },
    params: z.strictObject({ name: z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/)) }),
    dateMarks: ['name'],
    apply: ({ context, event, params }) => ({ ...context, dates: { ...context.dates, [params.name as string]: event.at } }),
  };
}
