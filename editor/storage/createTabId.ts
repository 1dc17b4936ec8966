/**
 * A random id for this tab, distinct across the tabs of a browser. `crypto.randomUUID` exists only in secure
 * contexts (an editor served over plain http on a LAN has none), so random bytes are the fallback.
 */
export function createTabId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
