import { useEffect, useRef, useState } from 'react';

/**
 * The rendered width of an element, kept current with a ResizeObserver; null until the first
 * layout has been observed. Charts draw at their real pixel width so that labels stay readable at
 * 375 px instead of shrinking with a scaled viewBox.
 *
 * The width is never read synchronously (clientWidth in a layout effect): that forced a layout of
 * the whole page inside React's commit and drew the chart twice in the same task, the largest
 * single piece of work when the dashboard's data arrived on a slow phone. The observer reports
 * after the browser's own layout, and the chart is drawn in a task of its own.
 */
export function useElementWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const next = entries[0]?.contentRect.width;
      if (next) setWidth(Math.round(next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
