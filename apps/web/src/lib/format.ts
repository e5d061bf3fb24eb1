import type { AttemptMode, AttemptStatus } from '@saa/contract/attempts';

// Formatters are made on first use: building one loads locale data, tens of milliseconds on a slow
// phone, which pages that show no dates (the exam, the review) should not pay while loading.
function lazyFormat(options: Intl.DateTimeFormatOptions): (date: Date) => string {
  let format: Intl.DateTimeFormat | undefined;
  return (date) => {
    format ??= new Intl.DateTimeFormat(undefined, options);
    return format.format(date);
  };
}

const dateTime = lazyFormat({ dateStyle: 'medium', timeStyle: 'short' });
const shortDate = lazyFormat({ month: 'short', day: 'numeric' });
const shortDateTime = lazyFormat({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

export const formatDateTime = (iso: string) => dateTime(new Date(iso));
export const formatShortDate = (iso: string) => shortDate(new Date(iso));

/** Chart labels: dates, or dates with times when several points fall on the same day. */
export function chartLabels(isos: string[]): string[] {
  const dates = isos.map(formatShortDate);
  return new Set(dates).size === dates.length ? dates : isos.map((iso) => shortDateTime(new Date(iso)));
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
