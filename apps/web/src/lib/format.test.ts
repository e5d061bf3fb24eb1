import { describe, expect, it } from 'vitest';
import { chartLabels, formatDateTime, formatShortDate } from './format.ts';

// Local-time ISO strings (no zone): read back in the machine's own time zone, as the app does.
describe('dates', () => {
  it('writes day, month, year and a 24-hour time', () => {
    expect(formatDateTime('2026-12-04T08:05:00')).toBe('4 Dec 2026, 08:05');
    expect(formatDateTime('2027-01-31T23:59:00')).toBe('31 Jan 2027, 23:59');
    expect(formatShortDate('2026-07-09T12:00:00')).toBe('9 Jul');
  });

  it('adds the time to chart labels only when two points share a day', () => {
    expect(chartLabels(['2026-12-03T10:00:00', '2026-12-04T10:00:00'])).toEqual(['3 Dec', '4 Dec']);
    expect(chartLabels(['2026-12-04T09:30:00', '2026-12-04T10:58:00'])).toEqual(['4 Dec, 09:30', '4 Dec, 10:58']);
  });
});
