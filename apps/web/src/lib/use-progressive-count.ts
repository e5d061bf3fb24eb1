import { startTransition, useCallback, useEffect, useState } from 'react';

/** How far below the screen the end of the drawn items may be before more are drawn. */
const AHEAD = '0px 0px 1200px 0px';

/**
 * How many items of `list` to draw: `first` with the page, then `step` more whenever the end of
 * what is drawn comes near the screen (`endRef` marks that end) or when asked (`more`, for a button
 * that keyboard and screen-reader users can reach), and never fewer than `atLeast` (an item jumped
 * to). A phone then renders and lays out the card or two it shows instead of a whole page of them
 * in its first seconds; a new list starts over.
 */
export function useProgressiveCount(list: readonly unknown[], first: number, step: number, atLeast = 0) {
  const [state, setState] = useState({ list, count: Math.max(first, atLeast) });
  // A new list starts over, and an item jumped to stays drawn once reached (React's pattern for
  // state derived from props).
  const wanted = Math.max(state.list === list ? state.count : first, atLeast);
  if (state.list !== list || state.count !== wanted) setState({ list, count: wanted });
  const count = Math.min(list.length, wanted);

  const more = useCallback(
    () => startTransition(() => setState((s) => (s.list === list ? { list, count: s.count + step } : s))),
    [list, step],
  );

  const [end, endRef] = useState<Element | null>(null);
  useEffect(() => {
    if (!end || count >= list.length) return;
    // One observer per step: its first report says whether the end is still near once the last
    // step has been drawn (a tall screen may need several).
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && more(), {
      rootMargin: AHEAD,
    });
    observer.observe(end);
    return () => observer.disconnect();
  }, [end, count, list.length, more]);

  return { count, endRef, more };
}
