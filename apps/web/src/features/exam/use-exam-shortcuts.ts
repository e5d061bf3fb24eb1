import type { Confidence } from '@saa/contract/attempts';
import { useEffect, useRef } from 'react';

interface ShortcutHandlers {
  choose: (index: number) => void;
  previous: () => void;
  next: () => void;
  flag: () => void;
  confidence: (level: Confidence) => void;
  help: () => void;
}

const CONFIDENCE_KEYS: Record<string, Confidence> = { s: 'sure', u: 'unsure', g: 'guess' };

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url', 'date', 'time']);

/** Typing a "4" into a text field must type it, not answer the question. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * 1-6 choose, ←/→ navigate, F flags, S/U/G say how sure you are, ? opens the help. Ignored while typing, with modifier keys
 * (browser shortcuts stay intact) and while a dialog is open. On a focused radio button ←/→ would
 * otherwise change the chosen answer: here they move between questions, as the help promises.
 */
export function useExamShortcuts(handlers: ShortcutHandlers, enabled: boolean) {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const h = ref.current;
      if (/^[1-6]$/.test(event.key)) {
        h.choose(Number(event.key) - 1);
      } else if (event.key === 'ArrowLeft') {
        h.previous();
      } else if (event.key === 'ArrowRight') {
        h.next();
      } else if (event.key === 'f' || event.key === 'F') {
        h.flag();
      } else if (Object.hasOwn(CONFIDENCE_KEYS, event.key.toLowerCase())) {
        h.confidence(CONFIDENCE_KEYS[event.key.toLowerCase()] as Confidence);
      } else if (event.key === '?') {
        h.help();
      } else {
        return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
