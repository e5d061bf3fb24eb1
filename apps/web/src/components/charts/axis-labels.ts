/**
 * Which x positions get a label so that no two labels overlap: evenly spaced, always the last
 * (the newest attempt) and the first when it fits. `plotWidth` is the distance from the first to
 * the last position; `labelWidth` the room one label needs.
 */
export function thinLabels(count: number, plotWidth: number, labelWidth: number): number[] {
  if (count <= 0) return [];
  if (count === 1) return [0];
  const gap = plotWidth / (count - 1);
  // Labels that fit side by side across the plot, ends included.
  const fit = Math.floor(plotWidth / labelWidth) + 1;
  if (fit < 2) return [count - 1];
  const step = Math.max(1, Math.ceil((count - 1) / (fit - 1)));
  const shown: number[] = [];
  for (let i = 0; i < count; i += step) shown.push(i);
  const last = shown.at(-1) ?? 0;
  if (last !== count - 1) {
    if ((count - 1 - last) * gap < labelWidth) shown.pop();
    shown.push(count - 1);
  }
  return shown;
}
