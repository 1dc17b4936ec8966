/** The shipped data files the page fetches (editor/shipped/shippedJson.ts), read from the repository instead. */
import golden350 from '../fixtures/golden/350-qd-tw.cases.json' with { type: 'json' };
import golden57 from '../fixtures/golden/57-qd-tw.cases.json' with { type: 'json' };
import haNoi2024 from '../fixtures/plans/ha-noi-2024.json' with { type: 'json' };
import { BUILTIN_SOURCES } from '../engine/builtin.ts';
import { BUILTIN_LIFECYCLE_JSON } from '../engine/lifecycle/builtinLifecycles.ts';
import { installShippedJson, type ShippedJson } from '../editor/shipped/shippedJson.ts';

const FROM_FILES: ShippedJson = { ...BUILTIN_SOURCES, lifecycles: BUILTIN_LIFECYCLE_JSON, golden: [golden57, golden350], plan: haNoi2024 };

/**
 * The shipped files as the page gets them: one object for the program's life (so installing it again changes
 * nothing), holding the imported files' own objects (shared, not copies).
 */
export function shippedJsonFromFiles(): ShippedJson {
  return FROM_FILES;
}

/** Installs the shipped files read from disk (Node has no page to fetch them) for the editor modules that read them. */
export function installShippedJsonFromFiles(): ShippedJson {
  installShippedJson(FROM_FILES);
  return FROM_FILES;
}
