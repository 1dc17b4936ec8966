/**
 * The fingerprint an overlay records of a base rule it replaces or disables (`expects.fingerprint`): FNV-1a over the
 * rule's canonical JSON (sorted keys), without the `layer` a resolution adds. Any change of meaning or wording of the
 * rule changes it; reordering the keys of the file does not.
 */
import type { Rule } from '../documents/ruleset.ts';
import { canonical, fnv1a } from '../lifecycle/fingerprint.ts';

export function ruleFingerprint(rule: Rule): string {
  const { layer: _layer, ...meaning } = rule;
  return fnv1a(canonical(meaning));
}
