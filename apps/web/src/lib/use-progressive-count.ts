import { startTransition, useEffect, useState } from 'react';

/**
 * How many items of `list` to draw: `first` with the page, then `step` more in each following task,
 * each as a transition. A long list then never costs one long task (render, DOM and layout of every
 * item at once) on a slow phone; a new list (another page, another filter) starts over.
 */
export function useProgressiveCount(list: readonly unknown[], first: number, step: number): number {
  const [state, setState] = useState({ list, count: first });
  // A new list starts over (React's pattern for state derived from a prop's previous value).
  if (state.list !== list) setState({ list, count: first });
  const count = state.list === list ? state.count : first;

  useEffect(() => {
    if (count >= list.length) return;
    const timer = setTimeout(() => {
      startTransition(() => setState((s) => (s.list === list ? { list, count: s.count + step } : s)));
    }, 0);
    return () => clearTimeout(timer);
  }, [list, count, step]);

  return Math.min(count, list.length);
}
