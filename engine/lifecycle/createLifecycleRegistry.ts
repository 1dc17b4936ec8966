import type { ClassContext, LearnerContext } from './context.ts';
import { CLASS_ACTIONS, CLASS_GUARDS } from './classSpecs.ts';
import { LEARNER_ACTIONS, LEARNER_GUARDS } from './learnerSpecs.ts';
import type { ActionSpec, GuardSpec, LifecycleRegistry } from './types.ts';

/**
 * The guards and actions lifecycle documents may name, by subject. `extra` adds site-specific specs (a name that
 * already exists is replaced). The registry holds no state; what a spec needs at run time comes in its `env`.
 */
export function createLifecycleRegistry(extra: {
  class?: { guards?: Record<string, GuardSpec<ClassContext>>; actions?: Record<string, ActionSpec<ClassContext>> };
  learner?: { guards?: Record<string, GuardSpec<LearnerContext>>; actions?: Record<string, ActionSpec<LearnerContext>> };
} = {}): LifecycleRegistry {
  return {
    class: { guards: { ...CLASS_GUARDS, ...extra.class?.guards }, actions: { ...CLASS_ACTIONS, ...extra.class?.actions } },
    learner: { guards: { ...LEARNER_GUARDS, ...extra.learner?.guards }, actions: { ...LEARNER_ACTIONS, ...extra.learner?.actions } },
  };
}
