/**
 * The observation files shipped beside the plans (`llct/observations`, what `llct simulate --calibrate` reads), by
 * the id of the plan they are about. Not part of the files fetched at start-up: the calibration panel fetches one
 * when it is asked for (Vite copies each file beside the build's scripts).
 */

/** Where each shipped observation file is served, and the name a calibrated plan cites it by (as the CLI writes it). */
export const SHIPPED_OBSERVATIONS: Readonly<Record<string, { url: URL; name: string }>> = {
  'ha-noi-2024': { url: new URL('../../fixtures/plans/ha-noi-2024.observed.json', import.meta.url), name: 'ha-noi-2024.observed.json' },
};

/** The shipped observation file of a plan, if there is one. */
export function shippedObservationsOf(planId: string): { url: URL; name: string } | undefined {
  return Object.hasOwn(SHIPPED_OBSERVATIONS, planId) ? SHIPPED_OBSERVATIONS[planId] : undefined;
}

/**
 * A shipped observation file as text; a failed request rejects, naming the file and the HTTP status. A file small
 * enough for the build to inline comes as a `data:` URL, which the page's Content-Security-Policy (`connect-src
 * 'self'`) does not let it fetch: it is decoded here instead.
 */
export async function fetchShippedObservations(entry: { url: URL; name: string }, fetchFn: typeof fetch = fetch): Promise<string> {
  if (entry.url.protocol === 'data:') return decodeDataUrl(entry.url.href);
  const response = await fetchFn(entry.url);
  if (!response.ok) throw new Error(`${entry.name}: HTTP ${response.status}`);
  return response.text();
}

/** The text of a `data:` URL (base64 or percent-encoded), read as UTF-8. */
export function decodeDataUrl(href: string): string {
  const comma = href.indexOf(',');
  const head = href.slice(5, comma);
  const body = href.slice(comma + 1);
  if (!head.split(';').includes('base64')) return decodeURIComponent(body);
  const binary = atob(body);
  return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}
