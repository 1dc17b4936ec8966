/**
 * A short, stable digest of what a lifecycle document means (everything but its revision bookkeeping), so a
 * snapshot can tell when the document changed without a new revision. FNV-1a over canonical JSON (sorted keys).
 */
import type { Lifecycle } from '../documents/lifecycle.ts';

/** JSON with sorted keys and `undefined` members left out: equal meaning, equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function lifecycleFingerprint(doc: Lifecycle): string {
  const { revision: _revision, revisions: _revisions, ...meaning } = doc;
  return fnv1a(canonical(meaning));
}

/** FNV-1a (32 bits) of a text, as 8 hexadecimal digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
