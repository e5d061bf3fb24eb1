import { describe, expect, it } from 'vitest';
import { thinLabels } from './axis-labels.ts';

describe('x-axis labels', () => {
  it('never overlap, always show the newest, and show every point when there is room', () => {
    const failures: string[] = [];
    for (let width = 20; width <= 1400; width += 10) {
      for (let count = 1; count <= 150; count++) {
        for (const labelWidth of [40, 72, 110]) {
          const shown = thinLabels(count, width, labelWidth);
          const where = `${count} points in ${width} px, labels of ${labelWidth} px`;
          if (shown.length === 0 || shown.at(-1) !== count - 1) failures.push(`${where}: newest not shown`);
          const gap = count > 1 ? width / (count - 1) : 0;
          for (let i = 1; i < shown.length; i++) {
            const distance = ((shown[i] ?? 0) - (shown[i - 1] ?? 0)) * gap;
            if (distance < labelWidth - 1e-9) failures.push(`${where}: labels ${distance} px apart`);
          }
          if (count > 1 && gap >= labelWidth && shown.length !== count) failures.push(`${where}: labels left out`);
        }
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
