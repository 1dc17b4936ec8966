/**
 * The default class and learner lifecycles shipped in rulesets/lifecycles/. A shipped document that does not load
 * is a bug: it throws.
 */
import classJson from '../../rulesets/lifecycles/class-default.json' with { type: 'json' };
import learnerJson from '../../rulesets/lifecycles/learner-default.json' with { type: 'json' };
import type { Lifecycle } from '../documents/lifecycle.ts';
import { createLifecycleRegistry } from './createLifecycleRegistry.ts';
import { loadLifecycle } from './loadLifecycle.ts';

/** The raw JSON of the shipped lifecycles, by id (the editor's starting workspace). */
export const BUILTIN_LIFECYCLE_JSON: Readonly<Record<string, unknown>> = { 'class-default': classJson, 'learner-default': learnerJson };

let cache: { classLifecycle: Lifecycle; learnerLifecycle: Lifecycle } | undefined;

export function builtinLifecycles(): { classLifecycle: Lifecycle; learnerLifecycle: Lifecycle } {
  if (cache) return cache;
  const registry = createLifecycleRegistry();
  const learner = loadLifecycle(learnerJson, { registry });
  if (!learner.ok) throw new Error(`built-in learner lifecycle does not load: ${learner.diagnostics.map((d) => `${d.path}: ${d.messageEn}`).join('; ')}`);
  const klass = loadLifecycle(classJson, { registry, learnerLifecycle: learner.value });
  if (!klass.ok) throw new Error(`built-in class lifecycle does not load: ${klass.diagnostics.map((d) => `${d.path}: ${d.messageEn}`).join('; ')}`);
  cache = { classLifecycle: klass.value, learnerLifecycle: learner.value };
  return cache;
}
