import { useCallback, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

// Must match public/theme-init.js, which applies the saved choice before React loads.
const STORAGE_KEY = 'saa-theme';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

function storedTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** The theme in effect: the saved choice, else the system's. */
function currentTheme(): Theme {
  return storedTheme() ?? (media().matches ? 'dark' : 'light');
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  const mq = media();
  mq.addEventListener('change', listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    mq.removeEventListener('change', listener);
    window.removeEventListener('storage', listener);
  };
}

function applyTheme(theme: Theme | null) {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

/**
 * Follows the system until the user picks a theme; choosing the one the system already has
 * goes back to following the system, so a later OS switch applies again.
 */
export function useTheme() {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => 'light' as Theme);
  const toggle = useCallback(() => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    const system: Theme = media().matches ? 'dark' : 'light';
    try {
      if (next === system) window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted, but still applied for this visit.
    }
    applyTheme(next === system ? null : next);
    for (const listener of listeners) listener();
  }, []);
  return { theme, toggle };
}
