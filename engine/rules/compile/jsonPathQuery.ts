/**
 * json-rules-engine 7.3.1's default path resolver, call for call: `JSONPath({ path, json, wrap: false })` from
 * jsonpath-plus, for the paths `compilePath` does not resolve itself. Its own module so that the page's build can hand
 * the library over after the page's first script (vite.config.ts, `jsonPathOnDemand`); everywhere else it is this.
 */
import { JSONPath } from 'jsonpath-plus';

export function jsonPathQuery(path: unknown, json: unknown): unknown {
  return JSONPath({ path: path as string, json: json as object, wrap: false });
}
