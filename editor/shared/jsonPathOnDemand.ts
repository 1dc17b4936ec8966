/**
 * The page's `jsonPathQuery` (engine/rules/compile/jsonPathQuery.ts, swapped for this module by the page's build):
 * jsonpath-plus (25 kB) is fetched beside the shipped data instead of inside the first script, since only a path the
 * evaluator cannot resolve alone (a filter, a wildcard) needs it, and the shipped rulesets have none. The page's boot
 * waits for `jsonPathReady` with the shipped data, so nothing is judged before it is in.
 */
type Query = (path: unknown, json: unknown) => unknown;

let query: Query | undefined;

export const jsonPathReady: Promise<void> = import('jsonpath-plus').then(({ JSONPath }) => {
  query = (path, json) => JSONPath({ path: path as string, json: json as object, wrap: false });
});

export function jsonPathQuery(path: unknown, json: unknown): unknown {
  if (!query) throw new Error('jsonpath-plus is not loaded yet: the page boots after jsonPathReady');
  return query(path, json);
}
