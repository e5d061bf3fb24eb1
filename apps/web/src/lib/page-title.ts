import { useEffect } from 'react';

/** Sets the document title, which screen readers announce after a client-side navigation. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · SAA-C03 Practice` : 'SAA-C03 Practice';
  }, [title]);
}
