import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export interface LazyPage {
  Component: LazyExoticComponent<ComponentType>;
  /** Starts downloading the page's code (once) without rendering it. */
  preload: () => void;
}

/**
 * A page whose code downloads on demand, and can be asked for early: as soon as the address is
 * known, in parallel with the session check, rather than when the page first renders.
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const loadOnce = () => {
    loading ??= load().then((module) => ({ default: pick(module) }));
    return loading;
  };
  return {
    Component: lazy(loadOnce),
    // A failed download is reported when the page renders (the route's error boundary).
    preload: () => void loadOnce().catch(() => undefined),
  };
}
