import type { AttemptMode, AttemptStatus } from '@saa/contract/attempts';

// Dates are written by hand ("4 Dec 2026, 08:35", in the device's time zone) rather than with
// Intl.DateTimeFormat: the first Intl formatter loads locale data, which took about 40 ms of main
// thread on the results page (160 ms on a 4x-throttled phone profile). This form is unambiguous
// in every English locale.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
const dayMonth = (d: Date) => `${d.getDate()} ${MONTHS[d.getMonth()]}`;
const time = (d: Date) => `${two(d.getHours())}:${two(d.getMinutes())}`;

/** "4 Dec 2026, 08:35". */
export const formatDateTime = (iso: string) => {
  const d = new Date(iso);
  return `${dayMonth(d)} ${d.getFullYear()}, ${time(d)}`;
};

/** "4 Dec". */
export const formatShortDate = (iso: string) => dayMonth(new Date(iso));

/** Chart labels: dates, or dates with times when several points fall on the same day. */
export function chartLabels(isos: string[]): string[] {
  const dates = isos.map(formatShortDate);
  return new Set(dates).size === dates.length
    ? dates
    : isos.map((iso) => {
        const d = new Date(iso);
        return `${dayMonth(d)}, ${time(d)}`;
      });
}

/** 7265 → "2:01:05", 65 → "1:05". */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** 4000 → "1 h 6 min", 75 → "1 min 15 s": for reading, not for a ticking clock. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  return `${seconds} s`;
}

export const formatPercent = (percent: number) => `${Math.round(percent)}%`;

export const MODE_LABEL: Record<AttemptMode, string> = { mock: 'Full mock', practice: 'Practice', drill: 'Drill' };

export const STATUS_LABEL: Record<AttemptStatus, string> = {
  in_progress: 'In progress',
  submitted: 'Submitted',
  expired: 'Time ran out',
};

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
