/**
 * The shipped files the page reads (rulesets, catalogues, outlines, default lifecycles, golden cases, the Hà Nội 2024
 * plan), served beside the page as JSON files and fetched once at start-up: kept out of the page's scripts, they
 * load as data (`JSON.parse`, no script to compile) and only the page that uses them pays for them.
 *
 * The page installs them before it builds anything (`installShippedJson`); the modules that need them read them
 * synchronously afterwards (`shippedJson`), as they would a static import.
 */
import type { BuiltinSources } from '../../engine/createBuiltin.ts';

/** Every shipped file the page reads, as raw JSON (not yet validated: `createBuiltin` and the workspace load them). */
export interface ShippedJson extends BuiltinSources {
  /** The default lifecycles, by id (`class-default`, `learner-default`). */
  lifecycles: Readonly<Record<string, unknown>>;
  /** The golden cases of each shipped ruleset (57-QĐ/TW first). */
  golden: readonly unknown[];
  /** The Hà Nội 2024 training plan. */
  plan: { readonly id: string };
}

/** Where each shipped file is served, relative to this module (Vite copies each one beside the build's scripts). */
export const SHIPPED_FILE_URLS = {
  rulesets: {
    '57-qd-tw': new URL('../../rulesets/57-qd-tw.json', import.meta.url),
    '350-qd-tw': new URL('../../rulesets/350-qd-tw.json', import.meta.url),
  },
  outlines: {
    '57-qd-tw': new URL('../../rulesets/outlines/57-qd-tw.outline.json', import.meta.url),
    '350-qd-tw': new URL('../../rulesets/outlines/350-qd-tw.outline.json', import.meta.url),
  },
  positions: new URL('../../rulesets/positions.json', import.meta.url),
  institutions: new URL('../../rulesets/institutions.json', import.meta.url),
  lifecycles: {
    'class-default': new URL('../../rulesets/lifecycles/class-default.json', import.meta.url),
    'learner-default': new URL('../../rulesets/lifecycles/learner-default.json', import.meta.url),
  },
  golden: [
    new URL('../../fixtures/golden/57-qd-tw.cases.json', import.meta.url),
    new URL('../../fixtures/golden/350-qd-tw.cases.json', import.meta.url),
  ],
  plan: new URL('../../fixtures/plans/ha-noi-2024.json', import.meta.url),
} as const;

/** Fetches a URL's JSON; a failed request or a body that is not JSON throws, naming the file. */
async function fetchJson(url: URL, fetchFn: typeof fetch): Promise<unknown> {
  const name = url.pathname.split('/').pop();
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`Không tải được tệp dữ liệu kèm theo ${name} (HTTP ${response.status}) / The shipped data file ${name} did not load (HTTP ${response.status})`);
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(`Tệp dữ liệu kèm theo ${name} không phải JSON / The shipped data file ${name} is not JSON: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

async function fetchAll<K extends string>(urls: Readonly<Record<K, URL>>, fetchFn: typeof fetch): Promise<Record<K, unknown>> {
  const entries = await Promise.all(Object.entries<URL>(urls).map(async ([k, url]) => [k, await fetchJson(url, fetchFn)] as const));
  return Object.fromEntries(entries) as Record<K, unknown>;
}

/** Fetches every shipped file at once (in parallel); rejects when one of them does not load. */
export async function fetchShippedJson(fetchFn: typeof fetch = fetch): Promise<ShippedJson> {
  const u = SHIPPED_FILE_URLS;
  const [rulesets, outlines, positions, institutions, lifecycles, golden, plan] = await Promise.all([
    fetchAll(u.rulesets, fetchFn), fetchAll(u.outlines, fetchFn), fetchJson(u.positions, fetchFn), fetchJson(u.institutions, fetchFn),
    fetchAll(u.lifecycles, fetchFn), Promise.all(u.golden.map((url) => fetchJson(url, fetchFn))), fetchJson(u.plan, fetchFn),
  ]);
  if (typeof plan !== 'object' || plan === null || typeof (plan as { id?: unknown }).id !== 'string') {
    throw new Error('Tệp kế hoạch kèm theo không có mã (id) / The shipped plan file has no id');
  }
  return { rulesets, outlines, positions, institutions, lifecycles, golden, plan: plan as { id: string } };
}

let installed: ShippedJson | undefined;

/** Makes `json` the shipped files every later `shippedJson()` returns (the page does this once, before rendering). */
export function installShippedJson(json: ShippedJson): void {
  installed = json;
}

/** The installed shipped files; throws (a programming error) before `installShippedJson`. */
export function shippedJson(): ShippedJson {
  if (!installed) throw new Error('the shipped data files are not loaded yet: installShippedJson() must run first');
  return installed;
}
