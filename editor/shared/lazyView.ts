/**
 * A view loaded on demand: `lazyView(() => import('./x/XPage.tsx'), 'XPage')` is a component that fetches its module
 * (its own chunk in the build) the first time it renders, and suspends until then. Render it inside `LazyView`.
 * A module that fails to load throws on render, so the view's error boundary shows the failure in its panel.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export function lazyView<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }));
}
