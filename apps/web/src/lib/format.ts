import type { AttemptMode, AttemptStatus } from '@saa/contract/attempts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

const shortDateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatShortDate = (iso: string) => shortDate.format(new Date(iso));

/** Chart labels: dates, or dates with times when several points fall on the same day. */
export function chartLabels(isos: string[]): string[] {
  const dates = isos.map(formatShortDate);
  return new Set(dates).size === dates.length ? dates : isos.map((iso) => shortDateTime.format(new Date(iso)));
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
